import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { getVisibleDirective } from './directive-access.js';
import { getAssignment } from './assignments.service.js';

/**
 * The directives' reader for the one download route (platform/files/file-access.ts): a file
 * attached to a directive the actor can see, or evidence for an assignment they can see.
 */
export async function directiveFileReader(db: Db, actor: Actor, fileId: string): Promise<boolean> {
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
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
    }
  }
  return false;
}
