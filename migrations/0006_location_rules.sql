CREATE TABLE "location_rules" (
	"position" integer PRIMARY KEY NOT NULL,
	"department_code" text NOT NULL,
	"services" jsonb,
	"district" text,
	"polygon" jsonb
);
--> statement-breakpoint
ALTER TABLE "location_rules" ADD CONSTRAINT "location_rules_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;