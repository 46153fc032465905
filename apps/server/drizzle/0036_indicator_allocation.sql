CREATE TABLE "indicator_allocation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"district_id" uuid NOT NULL,
	"mode" text,
	"amount" double precision,
	"version" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_allocation" ADD CONSTRAINT "indicator_allocation_indicator_code_indicator_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicator"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_allocation" ADD CONSTRAINT "indicator_allocation_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_allocation_version_idx" ON "indicator_allocation" USING btree ("indicator_code","district_id","version");--> statement-breakpoint
CREATE INDEX "indicator_allocation_district_id_idx" ON "indicator_allocation" USING btree ("district_id");