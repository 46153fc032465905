CREATE TABLE "selection_case" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"background" text NOT NULL,
	"solution" text NOT NULL,
	"network" text NOT NULL,
	"benefits" jsonb NOT NULL,
	"image_ids" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "selection_case" ADD CONSTRAINT "selection_case_application_id_selection_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."selection_application"("id") ON DELETE no action ON UPDATE no action;