CREATE TABLE "factory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"level" text NOT NULL,
	"national_list_year" integer,
	"star_rating" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factory_project" (
	"factory_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "factory_project_factory_id_project_id_pk" PRIMARY KEY("factory_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "factory_scenario" (
	"factory_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"scenario_code" text,
	"custom_name" text,
	"category" text NOT NULL,
	"go_live_date" date,
	CONSTRAINT "factory_scenario_factory_id_position_pk" PRIMARY KEY("factory_id","position")
);
--> statement-breakpoint
ALTER TABLE "factory" ADD CONSTRAINT "factory_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory" ADD CONSTRAINT "factory_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_project" ADD CONSTRAINT "factory_project_factory_id_factory_id_fk" FOREIGN KEY ("factory_id") REFERENCES "public"."factory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_project" ADD CONSTRAINT "factory_project_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_scenario" ADD CONSTRAINT "factory_scenario_factory_id_factory_id_fk" FOREIGN KEY ("factory_id") REFERENCES "public"."factory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "factory_enterprise_id_idx" ON "factory" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "factory_district_id_idx" ON "factory" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "factory_project_project_id_idx" ON "factory_project" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "factory_scenario_live_idx" ON "factory_scenario" USING btree ("factory_id","go_live_date");