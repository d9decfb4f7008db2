CREATE TYPE "public"."alert_kind" AS ENUM('pain', 'silence');--> statement-breakpoint
CREATE TYPE "public"."plan_end_reason" AS ENUM('completed', 'discharged');--> statement-breakpoint
ALTER TYPE "public"."plan_status" ADD VALUE 'ended' BEFORE 'archived';--> statement-breakpoint
CREATE TABLE "alert_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "alert_kind" NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_acknowledgements_plan_kind_key" UNIQUE("plan_id","kind")
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "end_reason" "plan_end_reason";--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "end_note" text;--> statement-breakpoint
ALTER TABLE "alert_acknowledgements" ADD CONSTRAINT "alert_acknowledgements_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_acknowledgements" ADD CONSTRAINT "alert_acknowledgements_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_acknowledgements" ADD CONSTRAINT "alert_acknowledgements_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_acknowledgements_clinic_idx" ON "alert_acknowledgements" USING btree ("clinic_id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_clinic_issued_idx" ON "plans" USING btree ("clinic_id") WHERE "plans"."status" = 'issued';--> statement-breakpoint
CREATE INDEX "session_logs_plan_created_idx" ON "session_logs" USING btree ("plan_id","created_at");