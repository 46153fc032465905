CREATE TABLE "progress_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"as_of" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"job_id" uuid,
	"data" jsonb,
	"html" text,
	"pdf" "bytea",
	"pdf_bytes" integer,
	"error" text,
	"generated_by_id" uuid,
	"generated_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reporting_reminder" (
	"data_set_code" text NOT NULL,
	"period" text NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline" text NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_reminder_data_set_code_period_org_id_kind_pk" PRIMARY KEY("data_set_code","period","org_id","kind")
);
--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_generated_by_id_app_user_id_fk" FOREIGN KEY ("generated_by_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_reminder" ADD CONSTRAINT "reporting_reminder_data_set_code_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_reminder" ADD CONSTRAINT "reporting_reminder_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_report_quarter_idx" ON "progress_report" USING btree ("quarter","created_at");--> statement-breakpoint
CREATE INDEX "progress_report_job_idx" ON "progress_report" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "progress_report_generated_by_idx" ON "progress_report" USING btree ("generated_by_id");