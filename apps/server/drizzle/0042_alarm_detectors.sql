DROP INDEX "telemetry_alarm_open_idx";--> statement-breakpoint
ALTER TABLE "telemetry_alarm" ADD COLUMN "metric" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_alarm_open_idx" ON "telemetry_alarm" USING btree ("type","device_id","metric") WHERE cleared_at IS NULL;