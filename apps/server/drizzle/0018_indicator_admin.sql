ALTER TABLE "indicator" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "indicator" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "indicator" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;