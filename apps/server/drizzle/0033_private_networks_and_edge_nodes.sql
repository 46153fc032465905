CREATE TABLE "edge_node" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"operator_id" uuid NOT NULL,
	"cpu_cores" integer,
	"memory_gb" integer,
	"gpu_count" integer,
	"commissioned_on" date
);
--> statement-breakpoint
CREATE TABLE "network_factory" (
	"network_id" uuid NOT NULL,
	"factory_id" uuid NOT NULL,
	CONSTRAINT "network_factory_network_id_factory_id_pk" PRIMARY KEY("network_id","factory_id")
);
--> statement-breakpoint
CREATE TABLE "network_project" (
	"network_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "network_project_network_id_project_id_pk" PRIMARY KEY("network_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "network_site" (
	"network_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"district_id" uuid NOT NULL,
	"address" text NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	CONSTRAINT "network_site_network_id_position_pk" PRIMARY KEY("network_id","position")
);
--> statement-breakpoint
CREATE TABLE "network_slice" (
	"network_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"sst" integer NOT NULL,
	"sd" text,
	"five_qi" integer NOT NULL,
	CONSTRAINT "network_slice_network_id_position_pk" PRIMARY KEY("network_id","position")
);
--> statement-breakpoint
CREATE TABLE "private_network" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"operator_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"bands" text[] NOT NULL,
	"upf_location" text NOT NULL,
	"state" text NOT NULL,
	"in_service_on" date,
	"retired_on" date,
	"contract_start" date,
	"contract_end" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"confirmation_state" text DEFAULT 'confirmed' NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"confirmation_comment" text,
	"confirmation_file_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "edge_node" ADD CONSTRAINT "edge_node_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_node" ADD CONSTRAINT "edge_node_operator_id_organisation_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_factory" ADD CONSTRAINT "network_factory_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_factory" ADD CONSTRAINT "network_factory_factory_id_factory_id_fk" FOREIGN KEY ("factory_id") REFERENCES "public"."factory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_project" ADD CONSTRAINT "network_project_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_project" ADD CONSTRAINT "network_project_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_site" ADD CONSTRAINT "network_site_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_site" ADD CONSTRAINT "network_site_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_slice" ADD CONSTRAINT "network_slice_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_network" ADD CONSTRAINT "private_network_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_network" ADD CONSTRAINT "private_network_operator_id_organisation_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_network" ADD CONSTRAINT "private_network_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_network" ADD CONSTRAINT "private_network_confirmation_file_id_stored_file_id_fk" FOREIGN KEY ("confirmation_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edge_node_network_id_idx" ON "edge_node" USING btree ("network_id","position");--> statement-breakpoint
CREATE INDEX "edge_node_operator_id_idx" ON "edge_node" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "network_factory_factory_id_idx" ON "network_factory" USING btree ("factory_id");--> statement-breakpoint
CREATE INDEX "network_project_project_id_idx" ON "network_project" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "network_site_district_id_idx" ON "network_site" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "private_network_enterprise_id_idx" ON "private_network" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "private_network_operator_id_idx" ON "private_network" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "private_network_district_id_idx" ON "private_network" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "private_network_confirmation_idx" ON "private_network" USING btree ("confirmation_state","district_id");--> statement-breakpoint
CREATE INDEX "private_network_confirmation_file_id_idx" ON "private_network" USING btree ("confirmation_file_id");