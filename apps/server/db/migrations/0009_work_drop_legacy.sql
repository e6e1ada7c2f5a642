-- Nothing is dropped unless every legacy row has its copy in the work tables (0008): counted
-- here, and a difference stops the migration with the counts, leaving both sets of tables.
DO $$
DECLARE
  legacy_items int; copied_items int; legacy_tasks int; copied_tasks int; legacy_evidence int; copied_evidence int;
  legacy_events int; copied_events int; legacy_reqs int; copied_reqs int; legacy_req_files int; copied_req_files int;
BEGIN
  SELECT count(*) INTO legacy_items FROM "assignments";
  SELECT count(*) INTO copied_items FROM "assignments" a JOIN "work_items" w ON w."id" = a."id" AND w."kind" = 'directive';
  SELECT count(*) INTO legacy_tasks FROM "assignment_tasks";
  SELECT count(*) INTO copied_tasks FROM "assignment_tasks" t JOIN "work_checks" c ON c."id" = t."id";
  SELECT count(*) INTO legacy_evidence FROM "assignment_evidence";
  SELECT count(*) INTO copied_evidence FROM "assignment_evidence" e JOIN "work_evidence" w ON w."check_id" = e."assignment_task_id" AND w."file_id" = e."file_id";
  SELECT count(*) INTO legacy_events FROM "assignment_events";
  SELECT count(*) INTO copied_events FROM "assignment_events" e JOIN "work_events" w ON w."id" = e."id";
  SELECT count(*) INTO legacy_reqs FROM "system_requirements";
  SELECT count(*) INTO copied_reqs FROM "system_requirements" r
    JOIN "work_items" i ON i."kind" = 'system' AND i."source_id" = r."system_id" JOIN "work_checks" c ON c."item_id" = i."id" AND c."check_key" = r."requirement_id";
  SELECT count(DISTINCT (r."system_id", r."requirement_id", f."id")) INTO legacy_req_files FROM "system_requirements" r
    CROSS JOIN LATERAL jsonb_array_elements_text(r."evidence_file_ids") AS e(file_id) JOIN "files" f ON f."id"::text = e.file_id;
  SELECT count(*) INTO copied_req_files FROM "work_evidence" w JOIN "work_items" i ON i."id" = w."item_id" AND i."kind" = 'system';
  IF legacy_items <> copied_items OR legacy_tasks <> copied_tasks OR legacy_evidence <> copied_evidence OR legacy_events <> copied_events
     OR legacy_reqs <> copied_reqs OR legacy_req_files <> copied_req_files THEN
    RAISE EXCEPTION 'work migration incomplete: assignments %/%, tasks %/%, evidence %/%, events %/%, requirements %/%, requirement files %/%',
      copied_items, legacy_items, copied_tasks, legacy_tasks, copied_evidence, legacy_evidence, copied_events, legacy_events,
      copied_reqs, legacy_reqs, copied_req_files, legacy_req_files;
  END IF;
END $$;
--> statement-breakpoint
DROP TABLE "assignment_events" CASCADE;--> statement-breakpoint
DROP TABLE "assignment_evidence" CASCADE;--> statement-breakpoint
DROP TABLE "assignment_tasks" CASCADE;--> statement-breakpoint
DROP TABLE "assignments" CASCADE;--> statement-breakpoint
DROP TABLE "system_requirements" CASCADE;