-- Records that existed before confirmation (demo and earlier entries) take the default, confirmed,
-- so no figure jumps; the services set the state on every write (issue #12 item 5).
ALTER TABLE "factory" ADD COLUMN "confirmation_state" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "factory" ADD COLUMN "confirmed_by" text;--> statement-breakpoint
ALTER TABLE "factory" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "factory" ADD COLUMN "confirmation_comment" text;--> statement-breakpoint
ALTER TABLE "factory" ADD COLUMN "confirmation_file_id" uuid;--> statement-breakpoint
ALTER TABLE "registry_record" ADD COLUMN "confirmation_state" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_record" ADD COLUMN "confirmed_by" text;--> statement-breakpoint
ALTER TABLE "registry_record" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registry_record" ADD COLUMN "confirmation_comment" text;--> statement-breakpoint
ALTER TABLE "registry_record" ADD COLUMN "confirmation_file_id" uuid;--> statement-breakpoint
ALTER TABLE "factory" ADD CONSTRAINT "factory_confirmation_file_id_stored_file_id_fk" FOREIGN KEY ("confirmation_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_record" ADD CONSTRAINT "registry_record_confirmation_file_id_stored_file_id_fk" FOREIGN KEY ("confirmation_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "factory_confirmation_idx" ON "factory" USING btree ("confirmation_state","district_id");--> statement-breakpoint
CREATE INDEX "factory_confirmation_file_id_idx" ON "factory" USING btree ("confirmation_file_id");--> statement-breakpoint
CREATE INDEX "registry_record_confirmation_idx" ON "registry_record" USING btree ("confirmation_state","district_id");--> statement-breakpoint
CREATE INDEX "registry_record_confirmation_file_id_idx" ON "registry_record" USING btree ("confirmation_file_id");