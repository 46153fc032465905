CREATE TABLE "training_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"course_id" uuid,
	"event_kind" text,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"venue" text,
	"online" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"district_id" uuid NOT NULL,
	"organiser_org_id" uuid,
	"published" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_course" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"hours" integer NOT NULL,
	"district_id" uuid NOT NULL,
	"organiser_org_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"state" text NOT NULL,
	"code_digest" text,
	"code_expires_at" timestamp with time zone,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"enrolled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"completed_on" date,
	"certificate_handle" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_digest" text,
	"contact_digest" text NOT NULL,
	"id_number_masked" text,
	"mobile_masked" text NOT NULL,
	"organisation" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_activity" ADD CONSTRAINT "training_activity_course_id_training_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_activity" ADD CONSTRAINT "training_activity_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_activity" ADD CONSTRAINT "training_activity_organiser_org_id_organisation_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course" ADD CONSTRAINT "training_course_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course" ADD CONSTRAINT "training_course_organiser_org_id_organisation_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolment" ADD CONSTRAINT "training_enrolment_activity_id_training_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."training_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolment" ADD CONSTRAINT "training_enrolment_person_id_training_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."training_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_activity_district_idx" ON "training_activity" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "training_activity_course_idx" ON "training_activity" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_activity_published_idx" ON "training_activity" USING btree ("starts_on") WHERE "training_activity"."published";--> statement-breakpoint
CREATE INDEX "training_course_district_idx" ON "training_course" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolment_person_uq" ON "training_enrolment" USING btree ("activity_id","person_id");--> statement-breakpoint
CREATE INDEX "training_enrolment_person_idx" ON "training_enrolment" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolment_certificate_uq" ON "training_enrolment" USING btree ("certificate_handle");--> statement-breakpoint
CREATE UNIQUE INDEX "training_person_id_digest_uq" ON "training_person" USING btree ("id_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "training_person_contact_digest_uq" ON "training_person" USING btree ("contact_digest");