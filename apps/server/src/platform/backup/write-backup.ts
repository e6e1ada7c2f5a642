import { createHash, randomUUID, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { FileStore } from '../files/files.js';
import {
  BACKUP_FORMAT,
  DATABASE_ENTRY,
  MANIFEST_ENTRY,
  TRAILER_ENTRY,
  fileEntryName,
  productVersion,
  type BackupManifest,
  type BackupTrailer,
  type Engine,
  type FileProblem,
} from './backup-format.js';
import type { DatabaseFacts } from './database-facts.js';
import { snapshotPglite, snapshotPostgres } from './snapshot.js';
import { writeTar, type TarSource } from './tar.js';

export type BackupSource =
  | { engine: 'pglite'; pglite: PGlite; filesDir: string }
  /** workDir: where pg_dump's output waits until it is copied into the archive */
  | { engine: 'postgres'; databaseUrl: string; filesDir: string; workDir: string };

export interface BackupSummary {
  engine: Engine;
  createdAt: string;
  /** of the archive as written: recorded in the audit log, so a copy can later be shown to be this backup */
  sha256: string;
  bytes: number;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  audit: BackupManifest['audit'];
  fileProblems: FileProblem[];
}

async function* hashing(source: AsyncIterable<Buffer>, hash: Hash): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Writes one backup archive into `sink` (a file, or the control channel) and resolves when it is
 * all written. The database is copied first, as one snapshot, and then the files its `files`
 * table lists: stored files are content-addressed and never rewritten or deleted, so every file
 * the snapshot refers to still has exactly the bytes it had then, and the pair is consistent
 * without holding the database while the files are copied. Files added since are not in the
 * snapshot and are left out. A file missing from the store, or whose bytes no longer match its
 * hash, is left out and named in end.json: a backup of a damaged store beats no backup.
 */
export async function writeBackup(source: BackupSource, sink: Writable): Promise<BackupSummary> {
  const createdAt = new Date();
  let facts: DatabaseFacts;
  let database: TarSource;
  let databaseSha: string;
  let dumpPath: string | undefined;
  try {
    if (source.engine === 'pglite') {
      const snap = await snapshotPglite(source.pglite);
      facts = snap.facts;
      databaseSha = createHash('sha256').update(snap.dump).digest('hex');
      database = { name: DATABASE_ENTRY.pglite, size: snap.dump.length, body: snap.dump };
    } else {
      dumpPath = path.join(source.workDir, `.khien-backup-${randomUUID()}.pgdump`);
      facts = await snapshotPostgres(source.databaseUrl, dumpPath);
      databaseSha = await hashFile(dumpPath);
      database = { name: DATABASE_ENTRY.postgres, size: fs.statSync(dumpPath).size, body: fs.createReadStream(dumpPath) };
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      product: { name: 'khien', version: productVersion() },
      engine: source.engine,
      createdAt: createdAt.toISOString(),
      database: { bytes: database.size, sha256: databaseSha, engineVersion: facts.engineVersion.slice(0, 200) },
      tables: facts.tables,
      audit: facts.audit,
      files: facts.files,
    };
    const store = new FileStore(source.filesDir);
    const fileProblems: FileProblem[] = [];
    let fileBytes = 0;
    let fileCount = 0;
    const entries = async function* (): AsyncGenerator<TarSource> {
      const manifestJson = Buffer.from(JSON.stringify(manifest));
      yield { name: MANIFEST_ENTRY, size: manifestJson.length, body: manifestJson };
      yield database;
      for (const f of manifest.files) {
        const file = store.pathOf(f.sha256);
        let size: number;
        try {
          size = fs.statSync(file).size;
        } catch {
          fileProblems.push({ sha256: f.sha256, reason: 'missing' });
          continue;
        }
        if (size !== f.bytes) {
          fileProblems.push({ sha256: f.sha256, reason: 'damaged' });
          continue;
        }
        const hash = createHash('sha256');
        // writeTar reads a body to its end before it asks for the next entry, so the hash is complete here
        yield { name: fileEntryName(f.sha256), size, body: hashing(fs.createReadStream(file), hash) };
        if (hash.digest('hex') === f.sha256) {
          fileBytes += size;
          fileCount++;
        } else fileProblems.push({ sha256: f.sha256, reason: 'damaged' });
      }
      const trailer: BackupTrailer = { format: BACKUP_FORMAT, fileProblems };
      const trailerJson = Buffer.from(JSON.stringify(trailer));
      yield { name: TRAILER_ENTRY, size: trailerJson.length, body: trailerJson };
    };
    const archiveHash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        archiveHash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.from(writeTar(entries(), createdAt), { objectMode: false }), zlib.createGzip({ level: 6 }), tap, sink);
    return {
      engine: source.engine,
      createdAt: manifest.createdAt,
      sha256: archiveHash.digest('hex'),
      bytes,
      tables: Object.keys(facts.tables).length,
      rows: Object.values(facts.tables).reduce((a, b) => a + b, 0),
      files: fileCount,
      fileBytes,
      audit: facts.audit,
      fileProblems,
    };
  } finally {
    if (dumpPath) fs.rmSync(dumpPath, { force: true });
  }
}
