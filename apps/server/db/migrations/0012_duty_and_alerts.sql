CREATE TABLE "alert_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"min_severity" text DEFAULT 'high' NOT NULL,
	"per_minute" integer DEFAULT 30 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_delivered_at" timestamp with time zone,
	"last_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_label" text NOT NULL,
	"comment" text,
	"params" jsonb
);
--> statement-breakpoint
CREATE TABLE "alert_policies" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"ack_minutes" jsonb NOT NULL,
	"reraise_minutes" jsonb NOT NULL,
	"chain" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_rejections" (
	"sender_key" text PRIMARY KEY NOT NULL,
	"sender_org_id" uuid,
	"rejected" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_problem" jsonb
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"match" jsonb NOT NULL,
	"action" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_org_id" uuid NOT NULL,
	"sender_token_id" uuid,
	"sender_label" text NOT NULL,
	"dedup_key" text NOT NULL,
	"format" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"source_severity" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"sender_status" text DEFAULT 'firing' NOT NULL,
	"occurred_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"agent_id" text,
	"host" text,
	"hostnames" text[] DEFAULT '{}'::text[] NOT NULL,
	"ips" text[] DEFAULT '{}'::text[] NOT NULL,
	"rule_id" text,
	"category" text,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raw" jsonb,
	"org_id" uuid,
	"commune_org_id" uuid,
	"province_org_id" uuid,
	"asset_id" uuid,
	"routed_by" text,
	"route" jsonb,
	"routed_at" timestamp with time zone,
	"ack_due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"escalation_step" integer DEFAULT 0 NOT NULL,
	"next_action_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_gap_warnings" (
	"org_id" uuid NOT NULL,
	"gap_start" timestamp with time zone NOT NULL,
	"gap_end" timestamp with time zone NOT NULL,
	"warned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"rotation_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"replaces_user_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"length_kind" text NOT NULL,
	"length_hours" integer NOT NULL,
	"participant_ids" uuid[] NOT NULL,
	"window" jsonb,
	"ends_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_channel_id_alert_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."alert_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_policies" ADD CONSTRAINT "alert_policies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_scope_org_id_orgs_id_fk" FOREIGN KEY ("scope_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_sender_org_id_orgs_id_fk" FOREIGN KEY ("sender_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_gap_warnings" ADD CONSTRAINT "duty_gap_warnings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_overrides" ADD CONSTRAINT "duty_overrides_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_overrides" ADD CONSTRAINT "duty_overrides_rotation_id_duty_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."duty_rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_overrides" ADD CONSTRAINT "duty_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_overrides" ADD CONSTRAINT "duty_overrides_replaces_user_id_users_id_fk" FOREIGN KEY ("replaces_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rotations" ADD CONSTRAINT "duty_rotations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_channels_org_id_idx" ON "alert_channels" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "alert_deliveries_due_idx" ON "alert_deliveries" USING btree ("next_attempt_at") WHERE "alert_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "alert_deliveries_channel_id_idx" ON "alert_deliveries" USING btree ("channel_id","sent_at");--> statement-breakpoint
CREATE INDEX "alert_deliveries_alert_id_idx" ON "alert_deliveries" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "alert_events_alert_id_idx" ON "alert_events" USING btree ("alert_id","at");--> statement-breakpoint
CREATE INDEX "alert_rules_scope_idx" ON "alert_rules" USING btree ("scope_org_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_dedup_key" ON "alerts" USING btree ("sender_org_id","dedup_key");--> statement-breakpoint
CREATE INDEX "alerts_due_idx" ON "alerts" USING btree ("next_action_at") WHERE "alerts"."next_action_at" is not null;--> statement-breakpoint
CREATE INDEX "alerts_org_id_idx" ON "alerts" USING btree ("org_id","status","received_at");--> statement-breakpoint
CREATE INDEX "alerts_commune_idx" ON "alerts" USING btree ("commune_org_id","status");--> statement-breakpoint
CREATE INDEX "alerts_status_idx" ON "alerts" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "alerts_updated_idx" ON "alerts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "alerts_asset_id_idx" ON "alerts" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "duty_gap_warnings_key" ON "duty_gap_warnings" USING btree ("org_id","gap_start","gap_end");--> statement-breakpoint
CREATE INDEX "duty_overrides_org_id_idx" ON "duty_overrides" USING btree ("org_id","ends_at");--> statement-breakpoint
CREATE INDEX "duty_overrides_rotation_id_idx" ON "duty_overrides" USING btree ("rotation_id");--> statement-breakpoint
CREATE INDEX "duty_overrides_user_id_idx" ON "duty_overrides" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "duty_overrides_replaces_user_id_idx" ON "duty_overrides" USING btree ("replaces_user_id");--> statement-breakpoint
CREATE INDEX "duty_rotations_org_id_idx" ON "duty_rotations" USING btree ("org_id");