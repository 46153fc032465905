CREATE TABLE "dataset" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"publisher" text NOT NULL,
	"theme" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"licence" text NOT NULL,
	"frequency" text NOT NULL,
	"access_level" text NOT NULL,
	"temporal_start" date,
	"temporal_end" date,
	"spatial" text NOT NULL,
	"source" jsonb NOT NULL,
	"upload_rows" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_distribution" (
	"dataset_id" uuid NOT NULL,
	"format" text NOT NULL,
	"content" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"checksum" text NOT NULL,
	"row_count" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"modified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dataset_distribution_dataset_id_format_pk" PRIMARY KEY("dataset_id","format")
);
--> statement-breakpoint
ALTER TABLE "dataset" ADD CONSTRAINT "dataset_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_distribution" ADD CONSTRAINT "dataset_distribution_dataset_id_dataset_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."dataset"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_code_key" ON "dataset" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dataset_access_level_idx" ON "dataset" USING btree ("access_level");--> statement-breakpoint
CREATE INDEX "dataset_created_by_idx" ON "dataset" USING btree ("created_by");