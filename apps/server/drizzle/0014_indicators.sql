CREATE TABLE "indicator" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"group" text NOT NULL,
	"unit" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"comparator" text NOT NULL,
	"target" double precision NOT NULL,
	"target_date" date NOT NULL,
	"baseline" double precision DEFAULT 0 NOT NULL,
	"baseline_date" date NOT NULL,
	"milestones" jsonb,
	"thresholds" jsonb NOT NULL,
	"counter" text,
	"formula" text,
	"definition_zh" text NOT NULL,
	"definition_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_plan_target" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "selection_round" ADD COLUMN "published_at" timestamp with time zone;