CREATE TABLE "expert_profile" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"affiliation_org_id" uuid,
	"district_id" uuid,
	"specialties" text
);
--> statement-breakpoint
CREATE TABLE "selection_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"narrative" text NOT NULL,
	"status" text NOT NULL,
	"district_comment" text,
	"final_score" double precision,
	"rank" integer,
	"selected" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_assignment" (
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"scores" jsonb,
	"total" double precision,
	"comment" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "selection_assignment_application_id_expert_id_pk" PRIMARY KEY("application_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "selection_attachment" (
	"application_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "selection_attachment_application_id_file_id_pk" PRIMARY KEY("application_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "selection_objection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"content" text NOT NULL,
	"raised_by_id" uuid,
	"raised_by" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_round" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"year" integer NOT NULL,
	"rubric" jsonb NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"quota" integer NOT NULL,
	"experts_per_application" integer NOT NULL,
	"aggregation" text NOT NULL,
	"conflict_rules" jsonb NOT NULL,
	"stage" text DEFAULT 'draft' NOT NULL,
	"publicity_end" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_profile" ADD CONSTRAINT "expert_profile_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profile" ADD CONSTRAINT "expert_profile_affiliation_org_id_organisation_id_fk" FOREIGN KEY ("affiliation_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profile" ADD CONSTRAINT "expert_profile_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_application" ADD CONSTRAINT "selection_application_round_id_selection_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_application" ADD CONSTRAINT "selection_application_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_application" ADD CONSTRAINT "selection_application_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_assignment" ADD CONSTRAINT "selection_assignment_application_id_selection_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."selection_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_assignment" ADD CONSTRAINT "selection_assignment_expert_id_app_user_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_attachment" ADD CONSTRAINT "selection_attachment_application_id_selection_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."selection_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_attachment" ADD CONSTRAINT "selection_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_objection" ADD CONSTRAINT "selection_objection_application_id_selection_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."selection_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_profile_affiliation_idx" ON "expert_profile" USING btree ("affiliation_org_id");--> statement-breakpoint
CREATE INDEX "expert_profile_district_idx" ON "expert_profile" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "selection_application_round_id_idx" ON "selection_application" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "selection_application_enterprise_id_idx" ON "selection_application" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "selection_application_district_id_idx" ON "selection_application" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_application_round_subject_uq" ON "selection_application" USING btree ("round_id","subject_id");--> statement-breakpoint
CREATE INDEX "selection_assignment_expert_id_idx" ON "selection_assignment" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "selection_attachment_file_id_idx" ON "selection_attachment" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "selection_objection_application_id_idx" ON "selection_objection" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "selection_round_kind_stage_idx" ON "selection_round" USING btree ("kind","stage");