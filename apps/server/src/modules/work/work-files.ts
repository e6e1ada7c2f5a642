import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { getVisibleItem, type WorkContext } from './work.service.js';
import { findItemsLinkingFile } from './work.repo.js';

/** The work module's reader for the one download route: evidence of an item the actor can see. */
export function workFileReader(ctx: WorkContext) {
  return async (db: Db, actor: Actor, fileId: string): Promise<boolean> => {
    for (const itemId of await findItemsLinkingFile(db, fileId)) {
      try {
        await getVisibleItem(ctx, db, actor, itemId);
        return true;
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
      }
    }
    return false;
  };
}
