CREATE TABLE "selection_conflict_declaration" (
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "selection_conflict_declaration_application_id_expert_id_pk" PRIMARY KEY("application_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "selection_score_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"event" text NOT NULL,
	"old_scores" jsonb,
	"old_total" double precision,
	"new_scores" jsonb,
	"new_total" double precision,
	"by_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "selection_application" ADD COLUMN "score_basis" jsonb;--> statement-breakpoint
ALTER TABLE "selection_assignment" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "selection_assignment" ADD COLUMN "reopened_by" text;--> statement-breakpoint
ALTER TABLE "selection_assignment" ADD COLUMN "reopen_reason" text;--> statement-breakpoint
ALTER TABLE "selection_round" ADD COLUMN "blind" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "selection_round" ADD COLUMN "close_override" jsonb;--> statement-breakpoint
ALTER TABLE "selection_conflict_declaration" ADD CONSTRAINT "selection_conflict_declaration_application_id_selection_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."selection_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_conflict_declaration" ADD CONSTRAINT "selection_conflict_declaration_expert_id_app_user_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_score_version" ADD CONSTRAINT "selection_score_version_application_id_selection_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."selection_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_score_version" ADD CONSTRAINT "selection_score_version_expert_id_app_user_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "selection_conflict_declaration_expert_idx" ON "selection_conflict_declaration" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "selection_score_version_application_idx" ON "selection_score_version" USING btree ("application_id","at");