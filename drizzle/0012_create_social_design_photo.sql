CREATE TABLE "social_design_photo" (
	"asset_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"design_id" uuid,
	"source_asset_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_design_photo" ADD CONSTRAINT "social_design_photo_asset_id_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."asset"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_design_photo" ADD CONSTRAINT "social_design_photo_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_design_photo" ADD CONSTRAINT "social_design_photo_design_id_design_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."design"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_design_photo" ADD CONSTRAINT "social_design_photo_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_design_photo_design_idx" ON "social_design_photo" USING btree ("workspace_id","design_id");