CREATE TABLE "social_channel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"network" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"picture_url" text,
	"access_token_sealed" text NOT NULL,
	"token_expires_at" timestamp with time zone,
	"granted_permissions" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"status" text DEFAULT 'connected' NOT NULL,
	"status_reason" text,
	"last_checked_at" timestamp with time zone,
	"reconnection_notified_at" timestamp with time zone,
	"connected_by" text,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sandbox" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_channel" ADD CONSTRAINT "social_channel_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_channel" ADD CONSTRAINT "social_channel_connected_by_user_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "social_channel_workspace_network_external_idx" ON "social_channel" USING btree ("workspace_id","network","external_id");--> statement-breakpoint
CREATE INDEX "social_channel_workspace_status_idx" ON "social_channel" USING btree ("workspace_id","status");