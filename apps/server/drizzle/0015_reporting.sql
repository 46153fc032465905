CREATE TABLE "data_element" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"value_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"unit" text NOT NULL,
	"description" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_registration" (
	"data_set_code" text NOT NULL,
	"period" text NOT NULL,
	"org_id" uuid NOT NULL,
	"state" text NOT NULL,
	"completed_by" text,
	"completed_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"accepted_by" text,
	"accepted_at" timestamp with time zone,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "data_registration_data_set_code_period_org_id_pk" PRIMARY KEY("data_set_code","period","org_id")
);
--> statement-breakpoint
CREATE TABLE "data_set" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"period_type" text NOT NULL,
	"open_future_periods" integer DEFAULT 0 NOT NULL,
	"expiry_days" integer DEFAULT 0 NOT NULL,
	"input_window" jsonb,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_set_element" (
	"data_set_code" text NOT NULL,
	"data_element_code" text NOT NULL,
	"position" integer NOT NULL,
	"section" text NOT NULL,
	CONSTRAINT "data_set_element_data_set_code_data_element_code_pk" PRIMARY KEY("data_set_code","data_element_code")
);
--> statement-breakpoint
CREATE TABLE "data_value" (
	"data_element_code" text NOT NULL,
	"period" text NOT NULL,
	"org_id" uuid NOT NULL,
	"value" text NOT NULL,
	"comment" text,
	"stored_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_value_data_element_code_period_org_id_pk" PRIMARY KEY("data_element_code","period","org_id")
);
--> statement-breakpoint
CREATE TABLE "lock_exception" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"data_set_code" text NOT NULL,
	"period" text NOT NULL,
	"org_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "validation_rule" (
	"code" text PRIMARY KEY NOT NULL,
	"data_set_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"left" text NOT NULL,
	"operator" text NOT NULL,
	"right" text NOT NULL,
	"strategy" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_registration" ADD CONSTRAINT "data_registration_data_set_code_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_registration" ADD CONSTRAINT "data_registration_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_element" ADD CONSTRAINT "data_set_element_data_set_code_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_set_element" ADD CONSTRAINT "data_set_element_data_element_code_data_element_code_fk" FOREIGN KEY ("data_element_code") REFERENCES "public"."data_element"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_data_element_code_data_element_code_fk" FOREIGN KEY ("data_element_code") REFERENCES "public"."data_element"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_value" ADD CONSTRAINT "data_value_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lock_exception" ADD CONSTRAINT "lock_exception_data_set_code_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lock_exception" ADD CONSTRAINT "lock_exception_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_rule" ADD CONSTRAINT "validation_rule_data_set_code_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_registration_org_idx" ON "data_registration" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "data_set_element_element_idx" ON "data_set_element" USING btree ("data_element_code");--> statement-breakpoint
CREATE INDEX "data_value_org_period_idx" ON "data_value" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "lock_exception_lookup_idx" ON "lock_exception" USING btree ("data_set_code","period","org_id");--> statement-breakpoint
CREATE INDEX "validation_rule_data_set_idx" ON "validation_rule" USING btree ("data_set_code");