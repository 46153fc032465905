CREATE TABLE "enterprise_honour" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"honour_type" text NOT NULL,
	"level" text NOT NULL,
	"batch" text,
	"year" integer NOT NULL,
	"certificate_no" text,
	"product_name" text,
	"valid_from" date,
	"valid_until" date,
	"re_review_year" integer,
	"re_review_result" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_profile" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"industry_code" text,
	"cluster_code" text,
	"size_class" text,
	"above_scale" boolean DEFAULT false NOT NULL,
	"main_products" text,
	"description" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_honour" ADD CONSTRAINT "enterprise_honour_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_profile" ADD CONSTRAINT "enterprise_profile_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_honour_org_id_idx" ON "enterprise_honour" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enterprise_honour_type_year_idx" ON "enterprise_honour" USING btree ("honour_type","year");--> statement-breakpoint
CREATE INDEX "enterprise_profile_cluster_idx" ON "enterprise_profile" USING btree ("cluster_code");--> statement-breakpoint
CREATE INDEX "enterprise_profile_industry_idx" ON "enterprise_profile" USING btree ("industry_code");