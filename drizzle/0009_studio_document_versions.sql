ALTER TABLE "studio_document" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "studio_document" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "studio_document" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "studio_document" ADD COLUMN "last_render_pages" integer;--> statement-breakpoint
ALTER TABLE "studio_document" ADD COLUMN "last_rendered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "studio_document" ADD COLUMN "last_render_version" integer;--> statement-breakpoint
ALTER TABLE "studio_document" ADD COLUMN "export_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "studio_document" ADD COLUMN "export_error" text;--> statement-breakpoint
CREATE INDEX "studio_document_search_idx" ON "studio_document" USING gin ("search_text" gin_trgm_ops);