CREATE TABLE "handle_prefix" (
	"prefix" text PRIMARY KEY NOT NULL,
	"prefix_key" text NOT NULL,
	"parent_prefix" text,
	"served" boolean DEFAULT false NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"description" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handle_prefix_admin" (
	"prefix" text NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "handle_prefix_admin_prefix_org_id_pk" PRIMARY KEY("prefix","org_id")
);
--> statement-breakpoint
CREATE TABLE "handle_record" (
	"handle_key" text PRIMARY KEY NOT NULL,
	"handle" text NOT NULL,
	"prefix" text NOT NULL,
	"handle_values" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handle_stat_daily" (
	"prefix" text NOT NULL,
	"day" date NOT NULL,
	"registrations" integer DEFAULT 0 NOT NULL,
	"resolutions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "handle_stat_daily_prefix_day_pk" PRIMARY KEY("prefix","day")
);
--> statement-breakpoint
CREATE TABLE "handle_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefix" text NOT NULL,
	"industry_code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handle_prefix" ADD CONSTRAINT "handle_prefix_parent_prefix_handle_prefix_prefix_fk" FOREIGN KEY ("parent_prefix") REFERENCES "public"."handle_prefix"("prefix") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handle_prefix" ADD CONSTRAINT "handle_prefix_owner_org_id_organisation_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handle_prefix_admin" ADD CONSTRAINT "handle_prefix_admin_prefix_handle_prefix_prefix_fk" FOREIGN KEY ("prefix") REFERENCES "public"."handle_prefix"("prefix") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handle_prefix_admin" ADD CONSTRAINT "handle_prefix_admin_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handle_record" ADD CONSTRAINT "handle_record_prefix_handle_prefix_prefix_fk" FOREIGN KEY ("prefix") REFERENCES "public"."handle_prefix"("prefix") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handle_stat_daily" ADD CONSTRAINT "handle_stat_daily_prefix_handle_prefix_prefix_fk" FOREIGN KEY ("prefix") REFERENCES "public"."handle_prefix"("prefix") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handle_template" ADD CONSTRAINT "handle_template_prefix_handle_prefix_prefix_fk" FOREIGN KEY ("prefix") REFERENCES "public"."handle_prefix"("prefix") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handle_prefix_key_uq" ON "handle_prefix" USING btree ("prefix_key");--> statement-breakpoint
CREATE INDEX "handle_prefix_parent_idx" ON "handle_prefix" USING btree ("parent_prefix");--> statement-breakpoint
CREATE INDEX "handle_prefix_owner_idx" ON "handle_prefix" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "handle_prefix_admin_org_idx" ON "handle_prefix_admin" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "handle_record_prefix_key_idx" ON "handle_record" USING btree ("prefix","handle_key");--> statement-breakpoint
CREATE INDEX "handle_record_values_gin" ON "handle_record" USING gin ("handle_values" jsonb_path_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "handle_template_version_uq" ON "handle_template" USING btree ("prefix","industry_code","version");