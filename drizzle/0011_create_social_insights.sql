CREATE TABLE "social_page_metric" (
	"workspace_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_post_metric" (
	"workspace_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"captured_on" date NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_page_metric" ADD CONSTRAINT "social_page_metric_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_page_metric" ADD CONSTRAINT "social_page_metric_channel_id_social_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."social_channel"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_post_metric" ADD CONSTRAINT "social_post_metric_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_post_metric" ADD CONSTRAINT "social_post_metric_publication_id_social_publication_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."social_publication"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "social_page_metric_channel_day_metric_idx" ON "social_page_metric" USING btree ("channel_id","day","metric");--> statement-breakpoint
CREATE INDEX "social_page_metric_workspace_day_idx" ON "social_page_metric" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "social_post_metric_publication_metric_day_idx" ON "social_post_metric" USING btree ("publication_id","metric","captured_on");--> statement-breakpoint
CREATE INDEX "social_publication_workspace_published_idx" ON "social_publication" USING btree ("workspace_id","published_at");