CREATE TABLE "sla_timer_firings" (
	"key" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"timer" text NOT NULL,
	"step" integer,
	"notify" text,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_timer_firings" ADD CONSTRAINT "sla_timer_firings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_timer_firings_case_idx" ON "sla_timer_firings" USING btree ("case_id");