CREATE TYPE "public"."clinic_country" AS ENUM('GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'other');--> statement-breakpoint
CREATE TYPE "public"."paper_size" AS ENUM('A4', 'LETTER');--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "country" "clinic_country" DEFAULT 'GB' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "time_zone" text DEFAULT 'Europe/London' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "paper_size" "paper_size" DEFAULT 'A4' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "safety_emergency_number" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "safety_urgent_advice" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "safety_family_doctor" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_other_country_wording" CHECK ("clinics"."country" <> 'other' or ("clinics"."safety_emergency_number" is not null and "clinics"."safety_urgent_advice" is not null and "clinics"."safety_family_doctor" is not null));