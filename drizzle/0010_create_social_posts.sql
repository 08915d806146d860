CREATE TABLE "social_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"campaign_id" uuid,
	"text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"language_mode" text DEFAULT 'together' NOT NULL,
	"asset_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"link_url" text,
	"link_preview" jsonb,
	"first_comment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hashtags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"claim_token" uuid,
	"published_at" timestamp with time zone,
	"last_error_kind" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_publication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"target" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"verify_attempts" integer DEFAULT 0 NOT NULL,
	"message" text NOT NULL,
	"fingerprint" text NOT NULL,
	"request_sent_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"external_post_id" text,
	"permalink_url" text,
	"published_at" timestamp with time zone,
	"last_error_kind" text,
	"last_network_code" integer,
	"next_attempt_at" timestamp with time zone,
	"first_comment" text,
	"first_comment_state" text DEFAULT 'none' NOT NULL,
	"first_comment_sent_at" timestamp with time zone,
	"first_comment_external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_queue_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"local_time" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_post" ADD CONSTRAINT "social_post_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_post" ADD CONSTRAINT "social_post_channel_id_social_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."social_channel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_post" ADD CONSTRAINT "social_post_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_post" ADD CONSTRAINT "social_post_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_publication" ADD CONSTRAINT "social_publication_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_publication" ADD CONSTRAINT "social_publication_post_id_social_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."social_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_publication" ADD CONSTRAINT "social_publication_channel_id_social_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."social_channel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_queue_slot" ADD CONSTRAINT "social_queue_slot_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_queue_slot" ADD CONSTRAINT "social_queue_slot_channel_id_social_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."social_channel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_post_workspace_created_idx" ON "social_post" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "social_post_workspace_scheduled_idx" ON "social_post" USING btree ("workspace_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "social_post_due_idx" ON "social_post" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "social_post_retry_idx" ON "social_post" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "social_post_channel_status_idx" ON "social_post" USING btree ("channel_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "social_publication_key_idx" ON "social_publication" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "social_publication_post_target_idx" ON "social_publication" USING btree ("post_id","target");--> statement-breakpoint
CREATE INDEX "social_publication_channel_external_idx" ON "social_publication" USING btree ("channel_id","external_post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_queue_slot_channel_time_idx" ON "social_queue_slot" USING btree ("channel_id","weekday","local_time");