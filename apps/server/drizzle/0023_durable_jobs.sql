CREATE TABLE "job_input" (
	"job_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "job_input_job_id_ordinal_pk" PRIMARY KEY("job_id","ordinal")
);
--> statement-breakpoint
ALTER TABLE "job" ADD COLUMN "handler" text;--> statement-breakpoint
ALTER TABLE "job" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "job_input" ADD CONSTRAINT "job_input_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_open_idx" ON "job" USING btree ("created_at") WHERE status IN ('queued', 'running');