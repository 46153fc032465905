CREATE TABLE "registry_attachment" (
	"record_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "registry_attachment_record_id_file_id_pk" PRIMARY KEY("record_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "registry_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registry" text NOT NULL,
	"org_id" uuid NOT NULL,
	"district_id" uuid,
	"title" text NOT NULL,
	"record_date" date NOT NULL,
	"kind" text,
	"quantity" integer,
	"unique_key" text,
	"data" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_attachment" ADD CONSTRAINT "registry_attachment_record_id_registry_record_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."registry_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_attachment" ADD CONSTRAINT "registry_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_record" ADD CONSTRAINT "registry_record_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_record" ADD CONSTRAINT "registry_record_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_attachment_file_id_idx" ON "registry_attachment" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "registry_record_registry_date_idx" ON "registry_record" USING btree ("registry","record_date");--> statement-breakpoint
CREATE INDEX "registry_record_org_id_idx" ON "registry_record" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "registry_record_district_id_idx" ON "registry_record" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_record_unique_key_uq" ON "registry_record" USING btree ("registry","unique_key");