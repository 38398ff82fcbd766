CREATE TABLE "teams_conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" jsonb NOT NULL,
	"tenant_id" text,
	"department_code" text,
	"staff_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams_handoff_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"handoff_requested_at" timestamp with time zone NOT NULL,
	"teams_conversation_id" text NOT NULL,
	"activity_id" text,
	"status" text DEFAULT 'posting' NOT NULL,
	"shown_state" text DEFAULT 'waiting' NOT NULL,
	"shown_staff_id" text,
	"relayed_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams_users" (
	"teams_user_id" text PRIMARY KEY NOT NULL,
	"aad_object_id" text,
	"staff_user_id" text NOT NULL,
	"matched_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teams_conversations" ADD CONSTRAINT "teams_conversations_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams_handoff_cards" ADD CONSTRAINT "teams_handoff_cards_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams_users" ADD CONSTRAINT "teams_users_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teams_conversations_department_idx" ON "teams_conversations" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "teams_conversations_staff_idx" ON "teams_conversations" USING btree ("staff_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_handoff_cards_request_key" ON "teams_handoff_cards" USING btree ("conversation_id","handoff_requested_at");--> statement-breakpoint
CREATE INDEX "teams_handoff_cards_activity_idx" ON "teams_handoff_cards" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "teams_users_staff_idx" ON "teams_users" USING btree ("staff_user_id");