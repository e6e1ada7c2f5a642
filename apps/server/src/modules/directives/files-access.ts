import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { getVisibleDirective } from './directive-access.js';

/**
 * The directives' reader for the one download route (platform/files/file-access.ts): a file
 * attached to a directive the actor can see. Evidence reported on an assignment is the work
 * module's (its reader asks whether the item is visible).
 */
export async function directiveFileReader(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  const links = await queryRows<{ directive_id: string }>(db, sql`select directive_id from directive_attachments where file_id = ${fileId} limit 50`);
  for (const l of links) {
    try {
      await getVisibleDirective(db, actor, l.directive_id);
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
    }
  }
  return false;
}
