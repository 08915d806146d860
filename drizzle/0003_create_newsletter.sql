CREATE TABLE "consent_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"list_id" uuid,
	"action" text NOT NULL,
	"source" text NOT NULL,
	"consent_text" text DEFAULT '' NOT NULL,
	"language" text,
	"ip" text,
	"user_agent" text,
	"import_id" uuid,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_subscription" (
	"list_id" uuid NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"status" text NOT NULL,
	"subscribed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "list_subscription_list_id_subscriber_id_pk" PRIMARY KEY("list_id","subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "mailing_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"opt_in" text DEFAULT 'double' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_bounce" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email_normalized" text NOT NULL,
	"subscriber_id" uuid,
	"delivery_id" bigint,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"diagnostic" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_click" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"issue_id" uuid NOT NULL,
	"delivery_id" bigint NOT NULL,
	"url" text NOT NULL,
	"clicked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_delivery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"email" text NOT NULL,
	"variant" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"retry_at" timestamp with time zone,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"message_id" text,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"open_count" integer DEFAULT 0 NOT NULL,
	"clicked_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"bounced_at" timestamp with time zone,
	"bounce_type" text
);
--> statement-breakpoint
CREATE TABLE "newsletter_issue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"subject" jsonb NOT NULL,
	"preheader" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"blocks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"send_mode" text DEFAULT 'per_language' NOT NULL,
	"bilingual_order" text[] DEFAULT ARRAY['ar','fr']::text[] NOT NULL,
	"list_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"segment_id" uuid,
	"utm_source" text DEFAULT 'newsletter' NOT NULL,
	"utm_medium" text DEFAULT 'email' NOT NULL,
	"utm_campaign" text DEFAULT '' NOT NULL,
	"campaign_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"recipient_count" integer,
	"rendered_variants" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"from_address" text DEFAULT '' NOT NULL,
	"reply_to" text,
	"postal_address" text DEFAULT '' NOT NULL,
	"messages_per_second" integer DEFAULT 10 NOT NULL,
	"smtp_connections" integer DEFAULT 3 NOT NULL,
	"window_messages" integer DEFAULT 0 NOT NULL,
	"window_hours" integer DEFAULT 24 NOT NULL,
	"track_opens" boolean DEFAULT false NOT NULL,
	"track_clicks" boolean DEFAULT false NOT NULL,
	"dkim_domain" text,
	"dkim_selector" text,
	"dkim_private_key_encrypted" text,
	"bounce_webhook_secret" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriber_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"encoding" text,
	"delimiter" text,
	"mapping" jsonb,
	"list_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"tags" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"consent_text" text DEFAULT '' NOT NULL,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"error_report_file_id" uuid,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subscriber" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"email_normalized" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT ARRAY['fr']::text[] NOT NULL,
	"country" text,
	"organisation_id" uuid,
	"organisation_name" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"bounced_at" timestamp with time zone,
	"soft_bounce_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_subscriber_id_subscriber_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscriber"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_list_id_mailing_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."mailing_list"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_subscription" ADD CONSTRAINT "list_subscription_list_id_mailing_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."mailing_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_subscription" ADD CONSTRAINT "list_subscription_subscriber_id_subscriber_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscriber"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_list" ADD CONSTRAINT "mailing_list_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_bounce" ADD CONSTRAINT "newsletter_bounce_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_bounce" ADD CONSTRAINT "newsletter_bounce_subscriber_id_subscriber_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscriber"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_bounce" ADD CONSTRAINT "newsletter_bounce_delivery_id_newsletter_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."newsletter_delivery"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_click" ADD CONSTRAINT "newsletter_click_issue_id_newsletter_issue_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."newsletter_issue"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_click" ADD CONSTRAINT "newsletter_click_delivery_id_newsletter_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."newsletter_delivery"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_delivery" ADD CONSTRAINT "newsletter_delivery_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_delivery" ADD CONSTRAINT "newsletter_delivery_issue_id_newsletter_issue_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."newsletter_issue"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_delivery" ADD CONSTRAINT "newsletter_delivery_subscriber_id_subscriber_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscriber"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issue" ADD CONSTRAINT "newsletter_issue_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issue" ADD CONSTRAINT "newsletter_issue_segment_id_segment_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issue" ADD CONSTRAINT "newsletter_issue_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issue" ADD CONSTRAINT "newsletter_issue_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_settings" ADD CONSTRAINT "newsletter_settings_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment" ADD CONSTRAINT "segment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_import" ADD CONSTRAINT "subscriber_import_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_import" ADD CONSTRAINT "subscriber_import_file_id_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_import" ADD CONSTRAINT "subscriber_import_error_report_file_id_file_id_fk" FOREIGN KEY ("error_report_file_id") REFERENCES "public"."file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_import" ADD CONSTRAINT "subscriber_import_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber" ADD CONSTRAINT "subscriber_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber" ADD CONSTRAINT "subscriber_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_record_subscriber_idx" ON "consent_record" USING btree ("subscriber_id","created_at");--> statement-breakpoint
CREATE INDEX "list_subscription_list_status_idx" ON "list_subscription" USING btree ("list_id","status","subscriber_id");--> statement-breakpoint
CREATE INDEX "list_subscription_subscriber_idx" ON "list_subscription" USING btree ("subscriber_id");--> statement-breakpoint
CREATE INDEX "mailing_list_workspace_idx" ON "mailing_list" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "newsletter_bounce_workspace_idx" ON "newsletter_bounce" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "newsletter_bounce_email_idx" ON "newsletter_bounce" USING btree ("workspace_id","email_normalized");--> statement-breakpoint
CREATE INDEX "newsletter_click_issue_idx" ON "newsletter_click" USING btree ("issue_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_delivery_issue_subscriber_idx" ON "newsletter_delivery" USING btree ("issue_id","subscriber_id");--> statement-breakpoint
CREATE INDEX "newsletter_delivery_issue_state_idx" ON "newsletter_delivery" USING btree ("issue_id","state","id");--> statement-breakpoint
CREATE INDEX "newsletter_delivery_workspace_sent_idx" ON "newsletter_delivery" USING btree ("workspace_id","sent_at");--> statement-breakpoint
CREATE INDEX "newsletter_delivery_message_idx" ON "newsletter_delivery" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "newsletter_issue_workspace_idx" ON "newsletter_issue" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "segment_workspace_idx" ON "segment" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "subscriber_import_workspace_idx" ON "subscriber_import" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriber_workspace_email_idx" ON "subscriber" USING btree ("workspace_id","email_normalized");--> statement-breakpoint
CREATE INDEX "subscriber_workspace_status_idx" ON "subscriber" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "subscriber_tags_idx" ON "subscriber" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "subscriber_languages_idx" ON "subscriber" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "subscriber_workspace_country_idx" ON "subscriber" USING btree ("workspace_id","country");--> statement-breakpoint
CREATE INDEX "subscriber_organisation_idx" ON "subscriber" USING btree ("organisation_id");