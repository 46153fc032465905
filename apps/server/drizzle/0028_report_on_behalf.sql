ALTER TABLE "data_registration" ADD COLUMN "completed_on_behalf" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "data_registration" ADD COLUMN "completed_on_behalf_of" uuid;--> statement-breakpoint
ALTER TABLE "data_value" ADD COLUMN "on_behalf" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "data_value" ADD COLUMN "on_behalf_of" uuid;--> statement-breakpoint
ALTER TABLE "data_registration" ADD CONSTRAINT "data_registration_completed_on_behalf_of_organisation_id_fk" FOREIGN KEY ("completed_on_behalf_of") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_on_behalf_of_organisation_id_fk" FOREIGN KEY ("on_behalf_of") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;