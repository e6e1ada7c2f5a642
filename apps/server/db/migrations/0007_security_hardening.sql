CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"head_seq" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"row_count" bigint NOT NULL,
	"reason" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "inventory_imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_checkpoints_at_idx" ON "audit_checkpoints" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_checkpoints_created_by_idx" ON "audit_checkpoints" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts" USING btree ("email","at");