CREATE TABLE "login_attempt" (
	"username" text NOT NULL,
	"client_ip" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locks" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_attempt_username_client_ip_pk" PRIMARY KEY("username","client_ip")
);
--> statement-breakpoint
CREATE INDEX "login_attempt_last_failure_at_idx" ON "login_attempt" USING btree ("last_failure_at");