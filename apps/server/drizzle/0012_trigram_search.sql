-- Chinese search (issue #3 item 7) by trigram indexes: see docs/adr/0005-chinese-search-trigrams.md.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "project_title_trgm_idx" ON "project" USING gin ("title" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "project_description_trgm_idx" ON "project" USING gin ("description" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "organisation_name_trgm_idx" ON "organisation" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "factory_name_trgm_idx" ON "factory" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "registry_record_title_trgm_idx" ON "registry_record" USING gin ("title" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "enterprise_profile_main_products_trgm_idx" ON "enterprise_profile" USING gin ("main_products" gin_trgm_ops);
