CREATE TABLE "work_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"check_key" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "work_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_label" text NOT NULL,
	"kind" text NOT NULL,
	"comment" text,
	"params" jsonb
);
--> statement-breakpoint
CREATE TABLE "work_evidence" (
	"check_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"reviewer_org_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"status_reason" text,
	"assignee_user_id" uuid,
	"commune_org_id" uuid,
	"province_org_id" uuid,
	"org_kind" text DEFAULT 'other' NOT NULL,
	"part_ids" uuid[] DEFAULT '{}' NOT NULL,
	"checks_total" integer DEFAULT 0 NOT NULL,
	"checks_done" integer DEFAULT 0 NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone,
	"ack_due_at" timestamp with time zone,
	"review_due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"remind_step" integer DEFAULT 0 NOT NULL,
	"ack_remind_step" integer DEFAULT 0 NOT NULL,
	"review_remind_step" integer DEFAULT 0 NOT NULL,
	"escalate_step" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_checks" ADD CONSTRAINT "work_checks_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_events" ADD CONSTRAINT "work_events_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_evidence" ADD CONSTRAINT "work_evidence_check_id_work_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."work_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_evidence" ADD CONSTRAINT "work_evidence_item_id_work_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."work_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_evidence" ADD CONSTRAINT "work_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_reviewer_org_id_orgs_id_fk" FOREIGN KEY ("reviewer_org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_checks_key" ON "work_checks" USING btree ("item_id","check_key");--> statement-breakpoint
CREATE INDEX "work_checks_source_idx" ON "work_checks" USING btree ("source_id","check_key");--> statement-breakpoint
CREATE INDEX "work_events_item_id_idx" ON "work_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_evidence_key" ON "work_evidence" USING btree ("check_id","file_id");--> statement-breakpoint
CREATE INDEX "work_evidence_item_id_idx" ON "work_evidence" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "work_evidence_file_id_idx" ON "work_evidence" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_items_source_org_key" ON "work_items" USING btree ("kind","source_id","org_id");--> statement-breakpoint
CREATE INDEX "work_items_source_id_idx" ON "work_items" USING btree ("source_id","org_id");--> statement-breakpoint
CREATE INDEX "work_items_org_id_idx" ON "work_items" USING btree ("org_id","due_at");--> statement-breakpoint
CREATE INDEX "work_items_assignee_user_id_idx" ON "work_items" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "work_items_due_idx" ON "work_items" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "work_items_commune_idx" ON "work_items" USING btree ("commune_org_id");--> statement-breakpoint
-- Directive assignments become work items of kind 'directive', keeping their ids (links in
-- notifications and mail stay valid). Every copy below is idempotent: run twice, it adds nothing.
INSERT INTO "work_items" ("id", "kind", "source_id", "org_id", "reviewer_org_id", "status", "assignee_user_id", "commune_org_id", "province_org_id",
  "org_kind", "part_ids", "checks_total", "checks_done", "due_at", "acknowledged_at", "submitted_at", "reviewed_at", "review_comment",
  "remind_step", "escalate_step", "reminded_at", "escalated_at", "version", "created_at", "updated_at")
SELECT a."id", 'directive', a."directive_id", a."org_id", d."org_id", a."status", a."assignee_user_id", a."commune_org_id", a."province_org_id",
  a."org_kind", a."section_ids", a."tasks_total", a."tasks_done", a."due_at", a."acknowledged_at", a."submitted_at", a."reviewed_at", a."review_comment",
  CASE WHEN a."reminded_at" IS NULL THEN 0 ELSE 1 END, CASE WHEN a."escalated_at" IS NULL THEN 0 ELSE 1 END, a."reminded_at", a."escalated_at",
  a."version", coalesce(d."issued_at", a."updated_at"), a."updated_at"
FROM "assignments" a JOIN "directives" d ON d."id" = a."directive_id"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "work_checks" ("id", "item_id", "source_id", "check_key", "status", "report", "reason", "updated_at", "updated_by")
SELECT t."id", t."assignment_id", t."directive_id", t."task_id"::text, t."status", t."report", t."na_reason", t."updated_at", t."updated_by"
FROM "assignment_tasks" t
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "work_evidence" ("check_id", "item_id", "file_id", "created_at")
SELECT e."assignment_task_id", t."assignment_id", e."file_id", e."created_at"
FROM "assignment_evidence" e JOIN "assignment_tasks" t ON t."id" = e."assignment_task_id"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "work_events" ("id", "item_id", "at", "actor_label", "kind", "comment")
SELECT ev."id", ev."assignment_id", ev."at", ev."actor_label", ev."kind", ev."comment"
FROM "assignment_events" ev
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A classified system's checklist and dossier become one work item of kind 'system', owed by the
-- system's org; the dossier's step sets its status and its appraisal or approval date the
-- reviewer's deadline (end of that day in Vietnam). checks_total is the pack's count, set by the
-- inventory when it next reads the checklist (work.sync job); until then, the rows touched.
INSERT INTO "work_items" ("kind", "source_id", "org_id", "status", "org_kind", "checks_total", "checks_done", "review_due_at", "submitted_at", "reviewed_at",
  "commune_org_id", "province_org_id", "created_at", "updated_at")
SELECT 'system', s."id", s."org_id",
  CASE s."dossier_status" WHEN 'submitted' THEN 'submitted' WHEN 'appraised' THEN 'submitted' WHEN 'approved' THEN 'accepted' WHEN 'returned' THEN 'returned'
    ELSE CASE WHEN EXISTS (SELECT 1 FROM "system_requirements" r WHERE r."system_id" = s."id") THEN 'in_progress' ELSE 'acknowledged' END END,
  o."kind",
  (SELECT count(*)::int FROM "system_requirements" r WHERE r."system_id" = s."id"),
  (SELECT count(*)::int FROM "system_requirements" r WHERE r."system_id" = s."id" AND r."status" IN ('met', 'not_applicable')),
  CASE s."dossier_status" WHEN 'submitted' THEN (s."appraisal_due" + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
    WHEN 'appraised' THEN (s."approval_due" + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
  s."submitted_on"::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
  coalesce(s."approved_on", s."appraised_on")::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
  (SELECT c."id" FROM "orgs" c WHERE c."path" @> o."path" AND c."kind" IN ('commune', 'ward', 'special_zone') ORDER BY nlevel(c."path") DESC LIMIT 1),
  (SELECT p."id" FROM "orgs" p WHERE p."path" @> o."path" AND p."kind" = 'province' ORDER BY nlevel(p."path") DESC LIMIT 1),
  s."created_at", s."updated_at"
FROM "info_systems" s JOIN "orgs" o ON o."id" = s."org_id"
WHERE s."level" IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "work_checks" ("item_id", "source_id", "check_key", "status", "report", "reason", "updated_at", "updated_by")
SELECT i."id", r."system_id", r."requirement_id", CASE r."status" WHEN 'met' THEN 'done' ELSE r."status" END, r."note",
  CASE WHEN r."status" = 'not_applicable' THEN r."note" END, r."updated_at", r."updated_by"
FROM "system_requirements" r JOIN "work_items" i ON i."kind" = 'system' AND i."source_id" = r."system_id"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- evidence was a JSON array of file ids with no foreign key: ids that name no stored file are dropped here
INSERT INTO "work_evidence" ("check_id", "item_id", "file_id")
SELECT c."id", c."item_id", f."id"
FROM "system_requirements" r
CROSS JOIN LATERAL jsonb_array_elements_text(r."evidence_file_ids") AS e(file_id)
JOIN "files" f ON f."id"::text = e.file_id
JOIN "work_items" i ON i."kind" = 'system' AND i."source_id" = r."system_id"
JOIN "work_checks" c ON c."item_id" = i."id" AND c."check_key" = r."requirement_id"
ON CONFLICT DO NOTHING;
