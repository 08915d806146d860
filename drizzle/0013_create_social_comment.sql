CREATE TABLE "social_comment_sync" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"synced_at" timestamp with time zone,
	"attempted_at" timestamp with time zone,
	"last_error_kind" text,
	"not_before" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "social_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"post_id" uuid,
	"post_external_id" text NOT NULL,
	"post_excerpt" text DEFAULT '' NOT NULL,
	"post_permalink_url" text,
	"external_id" text,
	"parent_external_id" text,
	"author_external_id" text,
	"author_name" text DEFAULT '' NOT NULL,
	"is_from_page" boolean DEFAULT false NOT NULL,
	"message" text NOT NULL,
	"language" text,
	"network_created_at" timestamp with time zone NOT NULL,
	"activity_at" timestamp with time zone NOT NULL,
	"is_hidden" boolean DEFAULT false NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" text,
	"reply_state" text,
	"sent_by" text,
	"idempotency_key" text,
	"request_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_comment_sync" ADD CONSTRAINT "social_comment_sync_channel_id_social_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."social_channel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_comment_sync" ADD CONSTRAINT "social_comment_sync_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_comment" ADD CONSTRAINT "social_comment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_comment" ADD CONSTRAINT "social_comment_channel_id_social_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."social_channel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_comment" ADD CONSTRAINT "social_comment_post_id_social_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."social_post"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_comment" ADD CONSTRAINT "social_comment_handled_by_user_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_comment" ADD CONSTRAINT "social_comment_sent_by_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "social_comment_channel_external_idx" ON "social_comment" USING btree ("channel_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_comment_idempotency_idx" ON "social_comment" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "social_comment_inbox_idx" ON "social_comment" USING btree ("workspace_id","activity_at","id") WHERE "social_comment"."parent_external_id" is null and not "social_comment"."is_from_page";--> statement-breakpoint
CREATE INDEX "social_comment_inbox_open_idx" ON "social_comment" USING btree ("workspace_id","activity_at","id") WHERE "social_comment"."parent_external_id" is null and not "social_comment"."is_from_page" and not "social_comment"."is_hidden" and "social_comment"."handled_at" is null;--> statement-breakpoint
CREATE INDEX "social_comment_inbox_language_idx" ON "social_comment" USING btree ("workspace_id","language","activity_at","id") WHERE "social_comment"."parent_external_id" is null and not "social_comment"."is_from_page";--> statement-breakpoint
CREATE INDEX "social_comment_inbox_post_idx" ON "social_comment" USING btree ("workspace_id","post_external_id","activity_at","id") WHERE "social_comment"."parent_external_id" is null and not "social_comment"."is_from_page";--> statement-breakpoint
CREATE INDEX "social_comment_thread_idx" ON "social_comment" USING btree ("channel_id","parent_external_id");--> statement-breakpoint
CREATE INDEX "social_comment_post_time_idx" ON "social_comment" USING btree ("channel_id","post_external_id","network_created_at");