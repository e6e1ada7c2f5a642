import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { files } from './files.tables.js';
import { sniffMime } from './sniff.js';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export type StoredFile = typeof files.$inferSelect;

/**
 * Content-addressed storage: bytes at <root>/<aa>/<bb>/<sha256>, written to a temp
 * name and renamed so a crash never leaves half a file under a real hash. The same
 * bytes uploaded twice are stored once.
 */
export class FileStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(db: Db, input: { data: Buffer; filename: string; mime: string; createdBy: string | null }): Promise<StoredFile> {
    if (input.data.length === 0) throw new AppError('BAD_REQUEST', 'Tệp rỗng / empty file');
    if (input.data.length > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB) / file too large`);
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomUUID()}.tmp`;
      fs.writeFileSync(tmp, input.data);
      fs.renameSync(tmp, target);
    }
    const filename = path.basename(input.filename).normalize('NFC').slice(0, 255) || 'file';
    const [row] = await db
      .insert(files)
      .values({ sha256, sizeBytes: input.data.length, mime: sniffMime(input.data, filename), filename, createdBy: input.createdBy })
      .returning();
    return row!;
  }

  async get(db: Db, id: string): Promise<{ meta: StoredFile; data: Buffer }> {
    const [meta] = await db.select().from(files).where(eq(files.id, id)).limit(1);
    if (!meta) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp / file not found');
    return { meta, data: fs.readFileSync(this.pathOf(meta.sha256)) };
  }
}
