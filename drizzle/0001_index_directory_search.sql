CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "organisation_workspace_active_sort_idx" ON "organisation" USING btree ("workspace_id","sort_name","id") WHERE "organisation"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "organisation_search_trgm_idx" ON "organisation" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_workspace_active_sort_idx" ON "person" USING btree ("workspace_id","sort_name","id") WHERE "person"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "person_search_trgm_idx" ON "person" USING gin ("search_text" gin_trgm_ops);