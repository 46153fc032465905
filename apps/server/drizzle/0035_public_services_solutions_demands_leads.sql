CREATE TABLE "demand" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"scenarios" text[] DEFAULT '{}'::text[] NOT NULL,
	"industry" text,
	"budget_band" text,
	"timeline_weeks" integer,
	"state" text DEFAULT 'open' NOT NULL,
	"posted_by_district" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_attachment" (
	"demand_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "demand_attachment_demand_id_file_id_pk" PRIMARY KEY("demand_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "lead" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_id" uuid NOT NULL,
	"solution_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"status" text DEFAULT 'contact' NOT NULL,
	"no_deal_reason" text,
	"opened_by" text NOT NULL,
	"score" real,
	"first_response_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"actor_name" text NOT NULL,
	"side" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"scenarios" text[] DEFAULT '{}'::text[] NOT NULL,
	"capabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_band" text,
	"deployment_weeks" integer,
	"delivery_model" text,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_attachment" ADD CONSTRAINT "demand_attachment_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_attachment" ADD CONSTRAINT "demand_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_demand_id_demand_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_solution_id_solution_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_provider_id_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_event" ADD CONSTRAINT "lead_event_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution" ADD CONSTRAINT "solution_provider_id_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_enterprise_id_idx" ON "demand" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "demand_district_id_idx" ON "demand" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "demand_state_idx" ON "demand" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "demand_attachment_file_id_idx" ON "demand_attachment" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_demand_solution_uq" ON "lead" USING btree ("demand_id","solution_id");--> statement-breakpoint
CREATE INDEX "lead_solution_id_idx" ON "lead" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "lead_enterprise_id_idx" ON "lead" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "lead_provider_id_idx" ON "lead" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "lead_district_id_idx" ON "lead" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "lead_event_lead_id_idx" ON "lead_event" USING btree ("lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "solution_provider_id_idx" ON "solution" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "solution_state_idx" ON "solution" USING btree ("state","published_at");