import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { z } from 'zod';
import {
  BACKUP_FORMAT,
  BackupError,
  BackupManifestSchema,
  BackupTrailerSchema,
  DATABASE_ENTRY,
  FILE_ENTRY_RE,
  MANIFEST_ENTRY,
  MAX_JSON_ENTRY_BYTES,
  TRAILER_ENTRY,
  fileEntryName,
  type BackupManifest,
  type Engine,
  type FileProblem,
} from './backup-format.js';
import { TarError, readTar, type TarEntry } from './tar.js';

export interface UnpackTargets {
  /** The engine the target runs: a backup of the other one is refused before anything is written. */
  engine: Engine;
  /** An empty temporary folder that receives the file store (aa/bb/<sha256>). */
  filesDir: string;
  /** Takes the database dump as it streams by; it is checked against the manifest afterwards. */
  database(body: AsyncIterable<Buffer>): Promise<void>;
}

export interface Unpacked {
  manifest: BackupManifest;
  /** Files the store had already lost or damaged when the backup was taken (end.json). */
  fileProblems: FileProblem[];
}

const damaged = (detail: string) =>
  new BackupError(`Tệp sao lưu bị hỏng hoặc không đầy đủ: ${detail}. Chưa khôi phục gì. / The backup file is damaged or incomplete; nothing was restored.`);

async function readJson<T>(e: TarEntry, schema: z.ZodType<T>): Promise<T> {
  if (e.size > MAX_JSON_ENTRY_BYTES) throw damaged(`${e.name} quá lớn / too large`);
  const chunks: Buffer[] = [];
  for await (const c of e.body) chunks.push(c);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw damaged(`${e.name} không phải JSON / is not JSON`);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT)
    throw new BackupError(
      `Định dạng sao lưu "${String(format)}" không được hỗ trợ (cần ${BACKUP_FORMAT}); bản sao lưu của phiên bản mới hơn? / unsupported backup format`,
    );
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damaged(`${e.name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

async function* measured(source: AsyncIterable<Buffer>, tally: { hash: ReturnType<typeof createHash>; bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    tally.hash.update(chunk);
    tally.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * Reads a backup archive, checking everything against its manifest while writing into the
 * given temporary places only: the database dump to `database`, each file to `filesDir` under
 * its hash, and only when its bytes have that hash. Refuses, naming the entry, a file whose
 * bytes do not match (unless end.json says the store had already damaged it), a file missing
 * from the archive, a database dump that differs, an archive cut short or not ours.
 */
export async function unpackBackup(input: Readable, t: UnpackTargets): Promise<Unpacked> {
  const gunzip = zlib.createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  try {
    return await unpackEntries(readTar(gunzip), t);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    if (err instanceof TarError || (err as NodeJS.ErrnoException).code?.startsWith('Z_')) throw damaged((err as Error).message);
    throw err;
  } finally {
    input.unpipe(gunzip);
    gunzip.destroy();
    input.destroy();
  }
}

async function unpackEntries(entries: AsyncIterable<TarEntry>, t: UnpackTargets): Promise<Unpacked> {
  let manifest: BackupManifest | undefined;
  let fileProblems: FileProblem[] | undefined;
  let sawDatabase = false;
  const expected = new Map<string, BackupManifest['files'][number]>();
  const seen = new Set<string>();
  const mismatched: string[] = [];
  for await (const e of entries) {
    if (!manifest) {
      if (e.name !== MANIFEST_ENTRY) throw new BackupError(`Đây không phải tệp sao lưu của Khiên (mục đầu là "${e.name}") / not a Khiên backup`);
      manifest = await readJson(e, BackupManifestSchema);
      if (manifest.engine !== t.engine) {
        throw new BackupError(
          manifest.engine === 'pglite'
            ? 'Bản sao lưu này là của cơ sở dữ liệu nhúng (PGlite): hãy khôi phục khi không đặt DATABASE_URL / this backup is of the embedded database: restore it without DATABASE_URL'
            : 'Bản sao lưu này là của PostgreSQL: hãy đặt DATABASE_URL trỏ tới một cơ sở dữ liệu trống / this backup is of PostgreSQL: set DATABASE_URL to an empty database',
        );
      }
      for (const f of manifest.files) expected.set(f.sha256, f);
      continue;
    }
    if (fileProblems) throw damaged(`có mục sau ${TRAILER_ENTRY} / entry after the end: ${e.name}`);
    if (e.name === DATABASE_ENTRY[manifest.engine] && !sawDatabase) {
      const tally = { hash: createHash('sha256'), bytes: 0 };
      // the handler reads the body to its end; whatever it left unread is missing from the hash
      await t.database(measured(e.body, tally));
      if (tally.bytes !== manifest.database.bytes || tally.hash.digest('hex') !== manifest.database.sha256)
        throw damaged(`${e.name} không khớp mã băm SHA-256 trong manifest / does not match the manifest's SHA-256`);
      sawDatabase = true;
      continue;
    }
    const m = FILE_ENTRY_RE.exec(e.name);
    if (m && expected.has(m[3]!) && !seen.has(m[3]!)) {
      const sha = m[3]!;
      seen.add(sha);
      if (!(await writeStoredFile(e, sha, expected.get(sha)!.bytes, t.filesDir))) mismatched.push(sha);
      continue;
    }
    if (e.name === TRAILER_ENTRY) {
      fileProblems = (await readJson(e, BackupTrailerSchema)).fileProblems;
      continue;
    }
    throw damaged(`mục lạ hoặc lặp lại / unexpected or repeated entry "${e.name}"`);
  }
  if (!manifest) throw damaged('tệp rỗng / empty archive');
  if (!fileProblems) throw damaged(`thiếu ${TRAILER_ENTRY}: tệp bị cắt cụt / the archive was cut short`);
  if (!sawDatabase) throw damaged(`thiếu cơ sở dữ liệu / no database (${DATABASE_ENTRY[manifest.engine]})`);
  const declared = new Map(fileProblems.map((p) => [p.sha256, p.reason]));
  const name = (sha: string) => `${fileEntryName(sha)} (${expected.get(sha)?.filename || '?'})`;
  const bad = mismatched.filter((sha) => declared.get(sha) !== 'damaged');
  if (bad.length > 0) throw damaged(`${bad.map(name).join(', ')} không khớp mã băm SHA-256 / does not match its SHA-256`);
  const absent = [...expected.keys()].filter((sha) => !seen.has(sha) && !declared.has(sha));
  if (absent.length > 0) throw damaged(`thiếu / missing ${absent.slice(0, 5).map(name).join(', ')}${absent.length > 5 ? ` … (+${absent.length - 5})` : ''}`);
  return { manifest, fileProblems };
}

/** Writes one stored file under its hash; false (and nothing kept) when its bytes do not have that hash. */
async function writeStoredFile(e: TarEntry, sha256: string, bytes: number, filesDir: string): Promise<boolean> {
  const target = path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp`;
  const tally = { hash: createHash('sha256'), bytes: 0 };
  await pipeline(Readable.from(measured(e.body, tally), { objectMode: false }), fs.createWriteStream(tmp));
  if (tally.bytes === bytes && tally.hash.digest('hex') === sha256) {
    fs.renameSync(tmp, target);
    return true;
  }
  fs.rmSync(tmp, { force: true });
  return false;
}
