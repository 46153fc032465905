ALTER TABLE "validation_rule" ADD COLUMN "importance" text DEFAULT 'medium' NOT NULL;--> statement-breakpoint
ALTER TABLE "validation_rule" ADD COLUMN "description" text;