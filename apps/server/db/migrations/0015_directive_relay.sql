ALTER TABLE "directive_tasks" ADD COLUMN "parent_task_id" uuid;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "governing_body" text;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "document_type" text;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "references" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "relay_within_days" integer;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "parent_item_id" uuid;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "parent_directive_id" uuid;--> statement-breakpoint
ALTER TABLE "directive_tasks" ADD CONSTRAINT "directive_tasks_parent_task_id_directive_tasks_id_fk" FOREIGN KEY ("parent_task_id") REFERENCES "public"."directive_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_parent_item_id_work_items_id_fk" FOREIGN KEY ("parent_item_id") REFERENCES "public"."work_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_parent_directive_id_directives_id_fk" FOREIGN KEY ("parent_directive_id") REFERENCES "public"."directives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directive_tasks_parent_task_idx" ON "directive_tasks" USING btree ("parent_task_id");--> statement-breakpoint
CREATE INDEX "directives_parent_item_idx" ON "directives" USING btree ("parent_item_id");--> statement-breakpoint
CREATE INDEX "directives_parent_directive_idx" ON "directives" USING btree ("parent_directive_id");