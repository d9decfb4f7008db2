CREATE TYPE "public"."outcome_kind" AS ENUM('psfs');--> statement-breakpoint
CREATE TYPE "public"."outcome_source" AS ENUM('clinician', 'patient');--> statement-breakpoint
CREATE TABLE "outcome_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "outcome_kind" NOT NULL,
	"recorded_on" date NOT NULL,
	"source" "outcome_source" NOT NULL,
	"recorded_by" uuid,
	"client_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_measures_plan_client_key" UNIQUE("plan_id","client_key")
);
--> statement-breakpoint
CREATE TABLE "outcome_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "outcome_kind" NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outcome_scores" (
	"measure_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "outcome_scores_measure_id_activity_id_pk" PRIMARY KEY("measure_id","activity_id"),
	CONSTRAINT "outcome_scores_score_check" CHECK ("outcome_scores"."score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "psfs_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "psfs_activities_plan_position_key" UNIQUE("plan_id","position"),
	CONSTRAINT "psfs_activities_position_check" CHECK ("psfs_activities"."position" between 0 and 4),
	CONSTRAINT "psfs_activities_name_check" CHECK (char_length("psfs_activities"."name") between 1 and 80)
);
--> statement-breakpoint
ALTER TABLE "outcome_measures" ADD CONSTRAINT "outcome_measures_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_measures" ADD CONSTRAINT "outcome_measures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_measures" ADD CONSTRAINT "outcome_measures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_requests" ADD CONSTRAINT "outcome_requests_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_requests" ADD CONSTRAINT "outcome_requests_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_requests" ADD CONSTRAINT "outcome_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_scores" ADD CONSTRAINT "outcome_scores_measure_id_outcome_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."outcome_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_scores" ADD CONSTRAINT "outcome_scores_activity_id_psfs_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."psfs_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_scores" ADD CONSTRAINT "outcome_scores_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psfs_activities" ADD CONSTRAINT "psfs_activities_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psfs_activities" ADD CONSTRAINT "psfs_activities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcome_measures_plan_idx" ON "outcome_measures" USING btree ("plan_id","recorded_on");--> statement-breakpoint
CREATE INDEX "outcome_measures_clinic_idx" ON "outcome_measures" USING btree ("clinic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_requests_plan_open_key" ON "outcome_requests" USING btree ("plan_id","kind") WHERE "outcome_requests"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "outcome_requests_clinic_idx" ON "outcome_requests" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "outcome_scores_activity_idx" ON "outcome_scores" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "outcome_scores_clinic_idx" ON "outcome_scores" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "psfs_activities_clinic_idx" ON "psfs_activities" USING btree ("clinic_id");