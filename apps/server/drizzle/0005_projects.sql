CREATE TABLE "project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"filing_id" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"operator_id" uuid,
	"network_mode" text,
	"investment_total" numeric(18, 2),
	"investment_5g" numeric(18, 2),
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_attachment" (
	"project_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "project_attachment_project_id_file_id_pk" PRIMARY KEY("project_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "project_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_scenario" (
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"scenario_code" text,
	"custom_name" text,
	"category" text NOT NULL,
	CONSTRAINT "project_scenario_project_id_position_pk" PRIMARY KEY("project_id","position")
);
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_operator_id_organisation_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachment" ADD CONSTRAINT "project_attachment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachment" ADD CONSTRAINT "project_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_event" ADD CONSTRAINT "project_event_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_scenario" ADD CONSTRAINT "project_scenario_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_code_uq" ON "project" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "project_filing_id_uq" ON "project" USING btree ("filing_id");--> statement-breakpoint
CREATE INDEX "project_enterprise_id_idx" ON "project" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "project_district_state_idx" ON "project" USING btree ("district_id","state");--> statement-breakpoint
CREATE INDEX "project_operator_id_idx" ON "project" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "project_state_idx" ON "project" USING btree ("state");--> statement-breakpoint
CREATE INDEX "project_attachment_file_id_idx" ON "project_attachment" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "project_event_project_id_idx" ON "project_event" USING btree ("project_id","occurred_at");--> statement-breakpoint
CREATE INDEX "project_scenario_code_idx" ON "project_scenario" USING btree ("scenario_code");--> statement-breakpoint
CREATE SEQUENCE "project_code_seq";
