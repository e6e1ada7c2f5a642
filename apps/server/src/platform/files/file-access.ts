import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../policy.js';
import type { FileStore } from './files.js';

/**
 * Who may read a stored file is decided by the records that link it — a directive's
 * attachment, an assignment's evidence, a requirement's evidence… — and each module knows only
 * its own. So modules register a reader here ("may this actor read this file through one of my
 * records?") and the one download route asks them in turn; platform knows none of them.
 */
export type FileReader = (db: Db, actor: Actor, fileId: string) => Promise<boolean>;

export class FileAccess {
  private readonly readers = new Map<string, FileReader>();

  /** One reader per linking kind; a second registration under the same name is a wiring bug. */
  register(name: string, reader: FileReader): void {
    if (this.readers.has(name)) throw new Error(`file reader "${name}" registered twice`);
    this.readers.set(name, reader);
  }

  /**
   * The file, if the actor uploaded it or any module's record lets them read it; otherwise it
   * does not exist for them (404, whether or not the id is real).
   */
  async read(db: Db, store: FileStore, actor: Actor, fileId: string) {
    const file = await store.get(db, fileId).catch(() => null);
    if (!file) throw notFound();
    if (file.meta.createdBy === actor.userId) return file;
    for (const reader of this.readers.values()) if (await reader(db, actor, fileId)) return file;
    throw notFound();
  }
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'Không tìm thấy tệp / file not found');
}
