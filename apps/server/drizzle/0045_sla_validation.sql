CREATE TABLE "sla_measurement_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"measured_from" timestamp with time zone NOT NULL,
	"measured_to" timestamp with time zone NOT NULL,
	"counts" jsonb NOT NULL,
	"samples" jsonb NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_network_profile" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"preset" boolean DEFAULT false NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_profile_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sla_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"period" text NOT NULL,
	"profile" jsonb NOT NULL,
	"verdict" text NOT NULL,
	"items" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"computed_by" uuid,
	"computed_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"decision" text,
	"opinion" text,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_measurement_set" ADD CONSTRAINT "sla_measurement_set_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_measurement_set" ADD CONSTRAINT "sla_measurement_set_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_network_profile" ADD CONSTRAINT "sla_network_profile_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_network_profile" ADD CONSTRAINT "sla_network_profile_profile_id_sla_profile_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."sla_profile"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_network_profile" ADD CONSTRAINT "sla_network_profile_set_by_app_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_result" ADD CONSTRAINT "sla_result_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_result" ADD CONSTRAINT "sla_result_computed_by_app_user_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_result" ADD CONSTRAINT "sla_result_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_measurement_set_network_idx" ON "sla_measurement_set" USING btree ("network_id","measured_from");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_result_network_period_idx" ON "sla_result" USING btree ("network_id","period");--> statement-breakpoint
CREATE INDEX "sla_result_state_idx" ON "sla_result" USING btree ("state");