ALTER TABLE "indicator" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Every indicator so far was on the public dashboard; only indicators created from now on start internal (issue #12 item 7).
UPDATE "indicator" SET "is_public" = true;
