CREATE TABLE "fund_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"factory_id" uuid,
	"network_id" uuid,
	"selection_application_id" uuid,
	"requested_amount" numeric(16, 2) NOT NULL,
	"level" text,
	"description" text,
	"bank_name" text NOT NULL,
	"bank_account_sealed" text NOT NULL,
	"bank_account_masked" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"eligibility_reasons" jsonb,
	"eligibility_checked_at" timestamp with time zone,
	"publicity_ends_on" date,
	"awarded_amount" numeric(16, 2),
	"is_demo" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_award_decision" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"ceiling" numeric(16, 2) NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_award_decision_application_id_seq_pk" PRIMARY KEY("application_id","seq")
);
--> statement-breakpoint
CREATE TABLE "fund_budget" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "fund_budget_programme_id_year_pk" PRIMARY KEY("programme_id","year")
);
--> statement-breakpoint
CREATE TABLE "fund_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_evidence" (
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"amount" numeric(16, 2),
	CONSTRAINT "fund_evidence_application_id_position_pk" PRIMARY KEY("application_id","position")
);
--> statement-breakpoint
CREATE TABLE "fund_objection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"objector" text NOT NULL,
	"content" text NOT NULL,
	"upheld" boolean,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"policy_basis" text NOT NULL,
	"description" text,
	"eligibility" jsonb NOT NULL,
	"award_rule" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"publicity_days" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_tranche" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_tranche_application_id_seq_pk" PRIMARY KEY("application_id","seq")
);
--> statement-breakpoint
ALTER TABLE "fund_application" ADD CONSTRAINT "fund_application_programme_id_fund_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."fund_programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_application" ADD CONSTRAINT "fund_application_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_application" ADD CONSTRAINT "fund_application_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_application" ADD CONSTRAINT "fund_application_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_award_decision" ADD CONSTRAINT "fund_award_decision_application_id_fund_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_budget" ADD CONSTRAINT "fund_budget_programme_id_fund_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."fund_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_event" ADD CONSTRAINT "fund_event_application_id_fund_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_evidence" ADD CONSTRAINT "fund_evidence_application_id_fund_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_evidence" ADD CONSTRAINT "fund_evidence_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_objection" ADD CONSTRAINT "fund_objection_application_id_fund_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_programme" ADD CONSTRAINT "fund_programme_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_tranche" ADD CONSTRAINT "fund_tranche_application_id_fund_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."fund_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_application_code_uq" ON "fund_application" USING btree ("code");--> statement-breakpoint
CREATE INDEX "fund_application_programme_state_idx" ON "fund_application" USING btree ("programme_id","state");--> statement-breakpoint
CREATE INDEX "fund_application_enterprise_id_idx" ON "fund_application" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "fund_application_district_state_idx" ON "fund_application" USING btree ("district_id","state");--> statement-breakpoint
CREATE INDEX "fund_application_project_id_idx" ON "fund_application" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_event_application_id_idx" ON "fund_event" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "fund_evidence_file_id_idx" ON "fund_evidence" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "fund_evidence_number_idx" ON "fund_evidence" USING btree ("kind","number");--> statement-breakpoint
CREATE INDEX "fund_objection_application_id_idx" ON "fund_objection" USING btree ("application_id");