ALTER TABLE "staff_users" ALTER COLUMN "capacity" SET DEFAULT 3;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "available" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "last_assigned_at" timestamp with time zone;