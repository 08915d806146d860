ALTER TABLE "social_channel" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Rows that existed before: their last change is their last update.
UPDATE "social_channel" SET "status_changed_at" = "updated_at";
