CREATE TABLE "telemetry_alarm" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"device_id" uuid NOT NULL,
	"severity" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"cleared_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry_device" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"device_key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"secret_hash" text NOT NULL,
	"inactivity_seconds" integer NOT NULL,
	"last_seen_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry_latest" (
	"device_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	CONSTRAINT "telemetry_latest_device_id_metric_pk" PRIMARY KEY("device_id","metric")
);
--> statement-breakpoint
CREATE TABLE "telemetry_point" (
	"device_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "telemetry_point_device_id_metric_ts_pk" PRIMARY KEY("device_id","metric","ts")
);
--> statement-breakpoint
CREATE TABLE "telemetry_rejection" (
	"device_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"count" bigint NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"last_detail" text,
	CONSTRAINT "telemetry_rejection_device_id_reason_pk" PRIMARY KEY("device_id","reason")
);
--> statement-breakpoint
ALTER TABLE "telemetry_alarm" ADD CONSTRAINT "telemetry_alarm_device_id_telemetry_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."telemetry_device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_alarm" ADD CONSTRAINT "telemetry_alarm_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_device" ADD CONSTRAINT "telemetry_device_network_id_private_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."private_network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_latest" ADD CONSTRAINT "telemetry_latest_device_id_telemetry_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."telemetry_device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_point" ADD CONSTRAINT "telemetry_point_device_id_telemetry_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."telemetry_device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_rejection" ADD CONSTRAINT "telemetry_rejection_device_id_telemetry_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."telemetry_device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_alarm_open_idx" ON "telemetry_alarm" USING btree ("type","device_id") WHERE cleared_at IS NULL;--> statement-breakpoint
CREATE INDEX "telemetry_alarm_device_id_idx" ON "telemetry_alarm" USING btree ("device_id","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_device_key_idx" ON "telemetry_device" USING btree ("device_key");--> statement-breakpoint
CREATE INDEX "telemetry_device_network_id_idx" ON "telemetry_device" USING btree ("network_id");