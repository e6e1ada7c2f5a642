CREATE TABLE "asset_identities" (
	"scope_org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "asset_identities_scope_org_id_key_pk" PRIMARY KEY("scope_org_id","key")
);
--> statement-breakpoint
CREATE TABLE "asset_software" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"source" text NOT NULL,
	"vendor" text,
	"product" text NOT NULL,
	"version" text,
	"arch" text,
	"cpe" text,
	"purl" text
);
--> statement-breakpoint
CREATE TABLE "asset_systems" (
	"asset_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "asset_systems_asset_id_system_id_pk" PRIMARY KEY("asset_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"hostname" text,
	"location" text DEFAULT '' NOT NULL,
	"ip_addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"mac_addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"os_name" text,
	"os_version" text,
	"criticality" text DEFAULT 'medium' NOT NULL,
	"av_product" text,
	"av_licensed" boolean,
	"av_managed" boolean,
	"firewall_on" boolean,
	"last_patch_on" date,
	"last_seen_at" timestamp with time zone,
	"source" text DEFAULT 'manual' NOT NULL,
	"software_count" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "info_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"operator_org_id" uuid,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"user_count" integer,
	"user_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"personal_data_subjects" integer,
	"internet_facing" boolean DEFAULT false NOT NULL,
	"hosting" text DEFAULT 'on_premise' NOT NULL,
	"hosting_provider" text,
	"notes" text DEFAULT '' NOT NULL,
	"pack_id" text,
	"pack_version" text,
	"proposed_level" integer,
	"level" integer,
	"classified_at" timestamp with time zone,
	"dossier_status" text DEFAULT 'drafting' NOT NULL,
	"submitted_on" date,
	"appraised_on" date,
	"approved_on" date,
	"decision_number" text,
	"appraisal_due" date,
	"approval_due" date,
	"reassess_due" date,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"filename" text NOT NULL,
	"staged_path" text,
	"on_error" text NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT 'queued' NOT NULL,
	"bytes_total" bigint DEFAULT 0 NOT NULL,
	"bytes_done" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ip_ranges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"range" text NOT NULL,
	"family" integer NOT NULL,
	"first_ip" "inet" NOT NULL,
	"last_ip" "inet" NOT NULL,
	"isp" text DEFAULT '' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_choices" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"chosen_by" uuid,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"pack_id" text NOT NULL,
	"pack_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"proposed_level" integer NOT NULL,
	"level" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"level_note" text,
	"classified_by" uuid,
	"classified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_requirements" (
	"system_id" uuid NOT NULL,
	"requirement_id" text NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "system_requirements_system_id_requirement_id_pk" PRIMARY KEY("system_id","requirement_id")
);
--> statement-breakpoint
ALTER TABLE "asset_identities" ADD CONSTRAINT "asset_identities_scope_org_id_orgs_id_fk" FOREIGN KEY ("scope_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_identities" ADD CONSTRAINT "asset_identities_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_software" ADD CONSTRAINT "asset_software_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_systems" ADD CONSTRAINT "asset_systems_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_systems" ADD CONSTRAINT "asset_systems_system_id_info_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."info_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_systems" ADD CONSTRAINT "info_systems_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_systems" ADD CONSTRAINT "info_systems_operator_org_id_orgs_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_imports" ADD CONSTRAINT "inventory_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_ranges" ADD CONSTRAINT "ip_ranges_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_choices" ADD CONSTRAINT "regulation_choices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_classifications" ADD CONSTRAINT "system_classifications_system_id_info_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."info_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_requirements" ADD CONSTRAINT "system_requirements_system_id_info_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."info_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_identities_asset_idx" ON "asset_identities" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "asset_software_asset_idx" ON "asset_software" USING btree ("asset_id","source");--> statement-breakpoint
CREATE INDEX "asset_software_product_idx" ON "asset_software" USING btree ("product");--> statement-breakpoint
CREATE INDEX "asset_systems_system_idx" ON "asset_systems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "assets_org_id_idx" ON "assets" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "assets_kind_idx" ON "assets" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "assets_search_idx" ON "assets" USING btree ("search_text");--> statement-breakpoint
CREATE INDEX "assets_ip_gin" ON "assets" USING gin ("ip_addresses");--> statement-breakpoint
CREATE INDEX "info_systems_org_id_idx" ON "info_systems" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "info_systems_level_idx" ON "info_systems" USING btree ("level","dossier_status");--> statement-breakpoint
CREATE INDEX "info_systems_search_idx" ON "info_systems" USING btree ("search_text");--> statement-breakpoint
CREATE INDEX "inventory_imports_org_idx" ON "inventory_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "ip_ranges_org_id_idx" ON "ip_ranges" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "ip_ranges_bounds_idx" ON "ip_ranges" USING btree ("family","first_ip","last_ip");--> statement-breakpoint
CREATE INDEX "system_classifications_system_idx" ON "system_classifications" USING btree ("system_id","classified_at");