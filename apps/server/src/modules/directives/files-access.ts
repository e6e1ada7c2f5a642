import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/files.js';
import type { Actor } from '../../platform/policy.js';
import { getVisibleDirective } from './directive-access.js';
import { getAssignment } from './assignments.service.js';

/**
 * A stored file is readable by whoever uploaded it, and by whoever can see a directive
 * it is attached to or an assignment it is evidence for; for everyone else it does not exist.
 */
export async function readFileFor(db: Db, store: FileStore, actor: Actor, fileId: string) {
  const file = await store.get(db, fileId).catch(() => null);
  if (!file) throw notFound();
  if (file.meta.createdBy === actor.userId) return file;
  const links = await queryRows<{ directive_id: string | null; assignment_id: string | null }>(
    db,
    sql`select da.directive_id, null::uuid as assignment_id from directive_attachments da where da.file_id = ${fileId}
        union all
        select null, at.assignment_id from assignment_evidence e join assignment_tasks at on at.id = e.assignment_task_id where e.file_id = ${fileId}
        limit 50`,
  );
  for (const l of links) {
    try {
      if (l.directive_id) await getVisibleDirective(db, actor, l.directive_id);
      else if (l.assignment_id) await getAssignment(db, actor, l.assignment_id);
      return file;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
    }
  }
  throw notFound();
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'Không tìm thấy tệp / file not found');
}
