CREATE TABLE "assignment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_label" text NOT NULL,
	"kind" text NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "assignment_evidence" (
	"assignment_task_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"directive_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"na_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directive_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"assignee_user_id" uuid,
	"commune_org_id" uuid,
	"province_org_id" uuid,
	"org_kind" text DEFAULT 'other' NOT NULL,
	"section_ids" uuid[] NOT NULL,
	"tasks_total" integer DEFAULT 0 NOT NULL,
	"tasks_done" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_attachments" (
	"directive_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directive_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"heading" text DEFAULT '' NOT NULL,
	"addressees" text,
	"rule" jsonb
);
--> statement-breakpoint
CREATE TABLE "directive_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directive_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"due_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text,
	"place" text,
	"issued_on" date,
	"subject" text NOT NULL,
	"preamble" text DEFAULT '' NOT NULL,
	"closing" text DEFAULT '' NOT NULL,
	"recipients_text" jsonb NOT NULL,
	"copies_to" jsonb NOT NULL,
	"signer" jsonb NOT NULL,
	"contacts" jsonb NOT NULL,
	"alert_start" date,
	"alert_end" date,
	"due_at" timestamp with time zone,
	"rule" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime" text NOT NULL,
	"filename" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_evidence" ADD CONSTRAINT "assignment_evidence_assignment_task_id_assignment_tasks_id_fk" FOREIGN KEY ("assignment_task_id") REFERENCES "public"."assignment_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_evidence" ADD CONSTRAINT "assignment_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_tasks" ADD CONSTRAINT "assignment_tasks_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_tasks" ADD CONSTRAINT "assignment_tasks_task_id_directive_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."directive_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_attachments" ADD CONSTRAINT "directive_attachments_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_attachments" ADD CONSTRAINT "directive_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_sections" ADD CONSTRAINT "directive_sections_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_tasks" ADD CONSTRAINT "directive_tasks_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_tasks" ADD CONSTRAINT "directive_tasks_section_id_directive_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."directive_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_events_assignment_id_idx" ON "assignment_events" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_evidence_key" ON "assignment_evidence" USING btree ("assignment_task_id","file_id");--> statement-breakpoint
CREATE INDEX "assignment_evidence_file_id_idx" ON "assignment_evidence" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_tasks_key" ON "assignment_tasks" USING btree ("assignment_id","task_id");--> statement-breakpoint
CREATE INDEX "assignment_tasks_task_id_idx" ON "assignment_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "assignment_tasks_directive_id_idx" ON "assignment_tasks" USING btree ("directive_id","task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_directive_org_key" ON "assignments" USING btree ("directive_id","org_id");--> statement-breakpoint
CREATE INDEX "assignments_org_id_idx" ON "assignments" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "assignments_assignee_user_id_idx" ON "assignments" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "assignments_due_idx" ON "assignments" USING btree ("status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "directive_attachments_key" ON "directive_attachments" USING btree ("directive_id","file_id");--> statement-breakpoint
CREATE INDEX "directive_attachments_file_id_idx" ON "directive_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "directive_sections_directive_id_idx" ON "directive_sections" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "directive_tasks_directive_id_idx" ON "directive_tasks" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "directive_tasks_section_id_idx" ON "directive_tasks" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "directives_org_id_idx" ON "directives" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "directives_status_idx" ON "directives" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_user_id_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;