ALTER TABLE "project" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(description, '') || ' ' || code || ' ' || coalesce(filing_id, ''))) STORED;--> statement-breakpoint
CREATE INDEX "project_search_text_trgm_idx" ON "project" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "project_title_trgm_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "project_description_trgm_idx";
