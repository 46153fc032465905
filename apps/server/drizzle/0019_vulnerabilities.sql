CREATE TABLE "vendor_alias" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canonical" text NOT NULL,
	"names" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_advisory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"tracking_id" text NOT NULL,
	"tracking_version" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"initial_release_at" timestamp with time zone,
	"current_release_at" timestamp with time zone,
	"revision_history" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"warnings" jsonb NOT NULL,
	"imported_by_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_advisory_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advisory_id" uuid NOT NULL,
	"tracking_version" text NOT NULL,
	"current_release_at" timestamp with time zone,
	"document" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"summary" text,
	"imported_by_id" uuid,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_advisory_vulnerability" (
	"advisory_id" uuid NOT NULL,
	"vulnerability_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_product_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advisory_id" uuid NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"source" text NOT NULL,
	"product_id" text NOT NULL,
	"vendor" text NOT NULL,
	"product" text NOT NULL,
	"product_names" jsonb NOT NULL,
	"full_name" text NOT NULL,
	"models" jsonb NOT NULL,
	"cpes" jsonb NOT NULL,
	"version_raw" text NOT NULL,
	"range" jsonb NOT NULL,
	"status" text NOT NULL,
	"platform" text
);
--> statement-breakpoint
CREATE TABLE "vuln_score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"advisory_id" uuid NOT NULL,
	"cvss_version" text NOT NULL,
	"vector" text NOT NULL,
	"stated_score" double precision,
	"computed_score" double precision,
	"severity" text,
	"grade" text,
	"disagrees" boolean DEFAULT false NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "vulnerability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"cve" text,
	"cnvd" text,
	"title" text NOT NULL,
	"title_zh" text,
	"description" text,
	"cwe" text,
	"base_score" double precision,
	"grade" text,
	"score_disagrees" boolean DEFAULT false NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_asset" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid,
	"name" text,
	"vendor" text NOT NULL,
	"product" text NOT NULL,
	"model" text,
	"firmware_version" text,
	"serial" text,
	"host" text,
	"site" text,
	"zone" text NOT NULL,
	"criticality" text NOT NULL,
	"owner" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_match" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid,
	"verdict" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"review_verdict" text,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"matched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"vulnerability_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid,
	"state" text NOT NULL,
	"grade" text NOT NULL,
	"origin" text NOT NULL,
	"scan_key" text,
	"vex_justification" text,
	"plan" text,
	"remediation_owner" text,
	"remediation_due" date,
	"sla_due_at" timestamp with time zone NOT NULL,
	"fixed_by_id" uuid,
	"fixed_at" timestamp with time zone,
	"verified_by_id" uuid,
	"verified_at" timestamp with time zone,
	"risk_approver_id" uuid,
	"risk_accepted_until" date,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"escalated_for" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_finding_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_scan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_scan_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scan_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"host" text NOT NULL,
	"vendor" text NOT NULL,
	"product" text NOT NULL,
	"model" text,
	"firmware_version" text,
	"asset_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_sla" (
	"grade" text PRIMARY KEY NOT NULL,
	"days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"grade" text NOT NULL,
	"summary" text NOT NULL,
	"affected_scope" text NOT NULL,
	"mitigations" text NOT NULL,
	"response_deadline" date NOT NULL,
	"status" text NOT NULL,
	"created_by_id" uuid,
	"published_by_id" uuid,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_notice_recipient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid,
	"asset_count" integer NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_id" uuid,
	"response" text,
	"response_status" text,
	"responded_at" timestamp with time zone,
	"responded_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "vuln_notice_vulnerability" (
	"notice_id" uuid NOT NULL,
	"vulnerability_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vuln_advisory" ADD CONSTRAINT "vuln_advisory_imported_by_id_app_user_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_advisory_revision" ADD CONSTRAINT "vuln_advisory_revision_advisory_id_vuln_advisory_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."vuln_advisory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_advisory_revision" ADD CONSTRAINT "vuln_advisory_revision_imported_by_id_app_user_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_advisory_vulnerability" ADD CONSTRAINT "vuln_advisory_vulnerability_advisory_id_vuln_advisory_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."vuln_advisory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_advisory_vulnerability" ADD CONSTRAINT "vuln_advisory_vulnerability_vulnerability_id_vulnerability_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."vulnerability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_product_entry" ADD CONSTRAINT "vuln_product_entry_advisory_id_vuln_advisory_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."vuln_advisory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_product_entry" ADD CONSTRAINT "vuln_product_entry_vulnerability_id_vulnerability_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."vulnerability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_score" ADD CONSTRAINT "vuln_score_vulnerability_id_vulnerability_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."vulnerability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_score" ADD CONSTRAINT "vuln_score_advisory_id_vuln_advisory_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."vuln_advisory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_asset" ADD CONSTRAINT "vuln_asset_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_asset" ADD CONSTRAINT "vuln_asset_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_match" ADD CONSTRAINT "vuln_match_asset_id_vuln_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."vuln_asset"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_match" ADD CONSTRAINT "vuln_match_vulnerability_id_vulnerability_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."vulnerability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_match" ADD CONSTRAINT "vuln_match_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_match" ADD CONSTRAINT "vuln_match_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_match" ADD CONSTRAINT "vuln_match_reviewed_by_id_app_user_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding" ADD CONSTRAINT "vuln_finding_asset_id_vuln_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."vuln_asset"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding" ADD CONSTRAINT "vuln_finding_vulnerability_id_vulnerability_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."vulnerability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding" ADD CONSTRAINT "vuln_finding_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding" ADD CONSTRAINT "vuln_finding_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding" ADD CONSTRAINT "vuln_finding_fixed_by_id_app_user_id_fk" FOREIGN KEY ("fixed_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding" ADD CONSTRAINT "vuln_finding_verified_by_id_app_user_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding" ADD CONSTRAINT "vuln_finding_risk_approver_id_app_user_id_fk" FOREIGN KEY ("risk_approver_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding_event" ADD CONSTRAINT "vuln_finding_event_finding_id_vuln_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."vuln_finding"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_finding_event" ADD CONSTRAINT "vuln_finding_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_scan" ADD CONSTRAINT "vuln_scan_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_scan" ADD CONSTRAINT "vuln_scan_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_scan" ADD CONSTRAINT "vuln_scan_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_scan_result" ADD CONSTRAINT "vuln_scan_result_scan_id_vuln_scan_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."vuln_scan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_scan_result" ADD CONSTRAINT "vuln_scan_result_asset_id_vuln_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."vuln_asset"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice" ADD CONSTRAINT "vuln_notice_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice" ADD CONSTRAINT "vuln_notice_published_by_id_app_user_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice_recipient" ADD CONSTRAINT "vuln_notice_recipient_notice_id_vuln_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."vuln_notice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice_recipient" ADD CONSTRAINT "vuln_notice_recipient_enterprise_id_organisation_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice_recipient" ADD CONSTRAINT "vuln_notice_recipient_district_id_organisation_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice_recipient" ADD CONSTRAINT "vuln_notice_recipient_acknowledged_by_id_app_user_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice_recipient" ADD CONSTRAINT "vuln_notice_recipient_responded_by_id_app_user_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice_vulnerability" ADD CONSTRAINT "vuln_notice_vulnerability_notice_id_vuln_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."vuln_notice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_notice_vulnerability" ADD CONSTRAINT "vuln_notice_vulnerability_vulnerability_id_vulnerability_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."vulnerability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_alias_canonical_uq" ON "vendor_alias" USING btree ("canonical");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_advisory_source_tracking_uq" ON "vuln_advisory" USING btree ("source","tracking_id");--> statement-breakpoint
CREATE INDEX "vuln_advisory_imported_by_idx" ON "vuln_advisory" USING btree ("imported_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_advisory_revision_uq" ON "vuln_advisory_revision" USING btree ("advisory_id","tracking_version");--> statement-breakpoint
CREATE INDEX "vuln_advisory_revision_imported_by_idx" ON "vuln_advisory_revision" USING btree ("imported_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_advisory_vulnerability_uq" ON "vuln_advisory_vulnerability" USING btree ("advisory_id","vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_advisory_vulnerability_vuln_idx" ON "vuln_advisory_vulnerability" USING btree ("vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_product_entry_advisory_idx" ON "vuln_product_entry" USING btree ("advisory_id");--> statement-breakpoint
CREATE INDEX "vuln_product_entry_vulnerability_idx" ON "vuln_product_entry" USING btree ("vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_score_vulnerability_idx" ON "vuln_score" USING btree ("vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_score_advisory_idx" ON "vuln_score" USING btree ("advisory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerability_key_uq" ON "vulnerability" USING btree ("key");--> statement-breakpoint
CREATE INDEX "vulnerability_cve_idx" ON "vulnerability" USING btree ("cve");--> statement-breakpoint
CREATE INDEX "vulnerability_grade_idx" ON "vulnerability" USING btree ("grade");--> statement-breakpoint
CREATE INDEX "vuln_asset_enterprise_idx" ON "vuln_asset" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "vuln_asset_district_idx" ON "vuln_asset" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "vuln_asset_host_idx" ON "vuln_asset" USING btree ("enterprise_id","host");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_match_asset_vulnerability_uq" ON "vuln_match" USING btree ("asset_id","vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_match_vulnerability_idx" ON "vuln_match" USING btree ("vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_match_enterprise_idx" ON "vuln_match" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "vuln_match_district_idx" ON "vuln_match" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "vuln_match_reviewed_by_idx" ON "vuln_match" USING btree ("reviewed_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_finding_asset_vulnerability_uq" ON "vuln_finding" USING btree ("asset_id","vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_finding_vulnerability_idx" ON "vuln_finding" USING btree ("vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_finding_enterprise_idx" ON "vuln_finding" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "vuln_finding_district_idx" ON "vuln_finding" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "vuln_finding_state_idx" ON "vuln_finding" USING btree ("state","sla_due_at");--> statement-breakpoint
CREATE INDEX "vuln_finding_scan_key_idx" ON "vuln_finding" USING btree ("scan_key");--> statement-breakpoint
CREATE INDEX "vuln_finding_fixed_by_idx" ON "vuln_finding" USING btree ("fixed_by_id");--> statement-breakpoint
CREATE INDEX "vuln_finding_verified_by_idx" ON "vuln_finding" USING btree ("verified_by_id");--> statement-breakpoint
CREATE INDEX "vuln_finding_risk_approver_idx" ON "vuln_finding" USING btree ("risk_approver_id");--> statement-breakpoint
CREATE INDEX "vuln_finding_event_finding_idx" ON "vuln_finding_event" USING btree ("finding_id","at");--> statement-breakpoint
CREATE INDEX "vuln_finding_event_actor_idx" ON "vuln_finding_event" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "vuln_scan_enterprise_idx" ON "vuln_scan" USING btree ("enterprise_id","name");--> statement-breakpoint
CREATE INDEX "vuln_scan_district_idx" ON "vuln_scan" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "vuln_scan_created_by_idx" ON "vuln_scan" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "vuln_scan_result_scan_idx" ON "vuln_scan_result" USING btree ("scan_id");--> statement-breakpoint
CREATE INDEX "vuln_scan_result_asset_idx" ON "vuln_scan_result" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_notice_number_uq" ON "vuln_notice" USING btree ("number");--> statement-breakpoint
CREATE INDEX "vuln_notice_created_by_idx" ON "vuln_notice" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "vuln_notice_published_by_idx" ON "vuln_notice" USING btree ("published_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_notice_recipient_uq" ON "vuln_notice_recipient" USING btree ("notice_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "vuln_notice_recipient_enterprise_idx" ON "vuln_notice_recipient" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "vuln_notice_recipient_district_idx" ON "vuln_notice_recipient" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "vuln_notice_recipient_ack_by_idx" ON "vuln_notice_recipient" USING btree ("acknowledged_by_id");--> statement-breakpoint
CREATE INDEX "vuln_notice_recipient_resp_by_idx" ON "vuln_notice_recipient" USING btree ("responded_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_notice_vulnerability_uq" ON "vuln_notice_vulnerability" USING btree ("notice_id","vulnerability_id");--> statement-breakpoint
CREATE INDEX "vuln_notice_vulnerability_vuln_idx" ON "vuln_notice_vulnerability" USING btree ("vulnerability_id");