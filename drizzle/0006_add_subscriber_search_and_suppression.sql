CREATE TABLE "newsletter_suppression" (
	"workspace_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"reason" text DEFAULT 'erased' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_suppression_workspace_id_email_hash_pk" PRIMARY KEY("workspace_id","email_hash")
);
--> statement-breakpoint
ALTER TABLE "subscriber" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletter_suppression" ADD CONSTRAINT "newsletter_suppression_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Rows written before the column existed: an approximate fold (lower case), good enough to find them by address.
UPDATE "subscriber" SET "search_text" = lower("name" || ' ' || "email_normalized") WHERE "search_text" = '';
