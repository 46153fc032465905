ALTER TABLE "enterprise_honour" ADD COLUMN "confirmation_state" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise_honour" ADD COLUMN "confirmed_by" text;--> statement-breakpoint
ALTER TABLE "enterprise_honour" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enterprise_honour" ADD COLUMN "confirmation_comment" text;--> statement-breakpoint
ALTER TABLE "enterprise_honour" ADD COLUMN "confirmation_file_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprise_honour" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise_honour" ADD CONSTRAINT "enterprise_honour_confirmation_file_id_stored_file_id_fk" FOREIGN KEY ("confirmation_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_honour_confirmation_idx" ON "enterprise_honour" USING btree ("confirmation_state");--> statement-breakpoint
CREATE INDEX "enterprise_honour_confirmation_file_id_idx" ON "enterprise_honour" USING btree ("confirmation_file_id");