CREATE TABLE "financing_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"annual_rate" numeric(6, 4) NOT NULL,
	"term_months" integer NOT NULL,
	"conditions" text,
	"valid_until" date NOT NULL,
	"offered_by" uuid,
	"offered_by_name" text NOT NULL,
	"offered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financing_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"term_months" integer NOT NULL,
	"purpose" text NOT NULL,
	"collateral_kind" text NOT NULL,
	"collateral_note" text,
	"bank_ids" uuid[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"accepted_offer_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financing_route" (
	"request_id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"routed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "financing_route_request_id_bank_id_pk" PRIMARY KEY("request_id","bank_id")
);
--> statement-breakpoint
ALTER TABLE "financing_offer" ADD CONSTRAINT "financing_offer_request_id_financing_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."financing_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_offer" ADD CONSTRAINT "financing_offer_bank_id_organisation_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_offer" ADD CONSTRAINT "financing_offer_offered_by_app_user_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_request" ADD CONSTRAINT "financing_request_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_request" ADD CONSTRAINT "financing_request_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_request" ADD CONSTRAINT "financing_request_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_route" ADD CONSTRAINT "financing_route_request_id_financing_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."financing_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_route" ADD CONSTRAINT "financing_route_bank_id_organisation_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_route" ADD CONSTRAINT "financing_route_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "financing_offer_request_bank_uq" ON "financing_offer" USING btree ("request_id","bank_id");--> statement-breakpoint
CREATE UNIQUE INDEX "financing_request_code_uq" ON "financing_request" USING btree ("code");--> statement-breakpoint
CREATE INDEX "financing_request_enterprise_idx" ON "financing_request" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "financing_request_district_state_idx" ON "financing_request" USING btree ("district_id","state");--> statement-breakpoint
CREATE INDEX "financing_route_bank_state_idx" ON "financing_route" USING btree ("bank_id","state");