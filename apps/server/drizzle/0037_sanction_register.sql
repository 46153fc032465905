CREATE TABLE "sanction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credit_code" text NOT NULL,
	"entity_name" text NOT NULL,
	"organisation_id" uuid,
	"person_name" text,
	"person_digest" text,
	"person_id_masked" text,
	"reason" text NOT NULL,
	"basis" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	"lifted_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sanction" ADD CONSTRAINT "sanction_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction" ADD CONSTRAINT "sanction_lifted_by_app_user_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction" ADD CONSTRAINT "sanction_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sanction_credit_code_idx" ON "sanction" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "sanction_organisation_id_idx" ON "sanction" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sanction_person_digest_idx" ON "sanction" USING btree ("person_digest");