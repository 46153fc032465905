CREATE TABLE "code_item" (
	"list_key" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"attrs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"since_version" integer NOT NULL,
	"retired_version" integer,
	CONSTRAINT "code_item_list_key_code_pk" PRIMARY KEY("list_key","code")
);
--> statement-breakpoint
CREATE TABLE "code_list" (
	"key" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "code_item" ADD CONSTRAINT "code_item_list_key_code_list_key_fk" FOREIGN KEY ("list_key") REFERENCES "public"."code_list"("key") ON DELETE no action ON UPDATE no action;