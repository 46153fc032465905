CREATE TABLE "white_paper" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"period" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"as_of" text NOT NULL,
	"state" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"snapshot_taken_at" timestamp with time zone NOT NULL,
	"commentary" jsonb NOT NULL,
	"review_comment" text,
	"html" text,
	"pdf" "bytea",
	"pdf_bytes" integer,
	"issued_on" text,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"submitted_by_id" uuid,
	"published_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "white_paper" ADD CONSTRAINT "white_paper_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "white_paper" ADD CONSTRAINT "white_paper_submitted_by_id_app_user_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "white_paper_number_idx" ON "white_paper" USING btree ("year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "white_paper_period_idx" ON "white_paper" USING btree ("year","period");--> statement-breakpoint
CREATE INDEX "white_paper_created_by_idx" ON "white_paper" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "white_paper_submitted_by_idx" ON "white_paper" USING btree ("submitted_by_id");