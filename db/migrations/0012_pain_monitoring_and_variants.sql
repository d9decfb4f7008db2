CREATE TYPE "public"."next_day_change" AS ENUM('better', 'same', 'worse');--> statement-breakpoint
ALTER TYPE "public"."alert_kind" ADD VALUE 'exercise-pain';--> statement-breakpoint
ALTER TYPE "public"."alert_kind" ADD VALUE 'next-day';--> statement-breakpoint
ALTER TYPE "public"."alert_kind" ADD VALUE 'swelling';--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "show_variants" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session_logs" ADD COLUMN "exercise_pain" integer;--> statement-breakpoint
ALTER TABLE "session_logs" ADD COLUMN "next_day" "next_day_change";--> statement-breakpoint
ALTER TABLE "session_logs" ADD COLUMN "swelling" "next_day_change";--> statement-breakpoint
ALTER TABLE "session_logs" ADD COLUMN "next_day_of" date;--> statement-breakpoint
CREATE INDEX "session_logs_exercise_pain_idx" ON "session_logs" USING btree ("plan_id","created_at") WHERE "session_logs"."exercise_pain" > 5;--> statement-breakpoint
CREATE INDEX "session_logs_swelling_idx" ON "session_logs" USING btree ("plan_id","created_at") WHERE "session_logs"."swelling" = 'worse';--> statement-breakpoint
CREATE INDEX "session_logs_next_day_idx" ON "session_logs" USING btree ("plan_id","created_at") WHERE "session_logs"."next_day" is not null;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_exercise_pain_check" CHECK ("session_logs"."exercise_pain" between 0 and 10);