ALTER TABLE "cases" ADD COLUMN "sla_next_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "sla_planned_with" text;--> statement-breakpoint
CREATE INDEX "cases_sla_next_due_idx" ON "cases" USING btree ("sla_next_due_at") WHERE "cases"."sla_next_due_at" is not null;