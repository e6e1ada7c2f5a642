import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * A backup is one gzip-compressed tar, readable with `tar tzf` when Khiên itself cannot run:
 *
 *   khien-backup/manifest.json          first: what the backup holds, its row counts, every file's hash
 *   khien-backup/database.pglite.tar    the embedded engine's data folder (PGlite dumpDataDir), or
 *   khien-backup/database.pgdump        pg_dump's custom format (PostgreSQL)
 *   khien-backup/files/aa/bb/<sha256>   the file store, one entry per stored file
 *   khien-backup/end.json               last: files that could not be copied; without it the archive was cut short
 */
export const BACKUP_FORMAT = 'khien-backup/1';
export const ENTRY_PREFIX = 'khien-backup/';
export const MANIFEST_ENTRY = `${ENTRY_PREFIX}manifest.json`;
export const TRAILER_ENTRY = `${ENTRY_PREFIX}end.json`;
export const DATABASE_ENTRY = { pglite: `${ENTRY_PREFIX}database.pglite.tar`, postgres: `${ENTRY_PREFIX}database.pgdump` } as const;
export const FILE_ENTRY_RE = /^khien-backup\/files\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** JSON entries are read whole: bound them (a manifest lists ~150 bytes per stored file). */
export const MAX_JSON_ENTRY_BYTES = 256 * 1024 * 1024;

export function fileEntryName(sha256: string): string {
  return `${ENTRY_PREFIX}files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const EngineSchema = z.enum(['pglite', 'postgres']);
export type Engine = z.infer<typeof EngineSchema>;

export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  product: z.object({ name: z.literal('khien'), version: z.string().max(50) }),
  engine: EngineSchema,
  createdAt: z.iso.datetime(),
  database: z.object({ bytes: z.number().int().min(0), sha256: Sha256Schema, engineVersion: z.string().max(200) }),
  /** "schema.table" → rows, every table of the database as the snapshot saw it */
  tables: z.record(z.string().max(200), z.number().int().min(0)),
  /** The chain's head at the snapshot: a restored chain must verify and end exactly here. */
  audit: z.object({ rows: z.number().int().min(0), lastSeq: z.number().int().min(0), lastHash: Sha256Schema }),
  files: z.array(z.object({ sha256: Sha256Schema, bytes: z.number().int().min(0), filename: z.string().max(255) })),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export const FileProblemSchema = z.object({ sha256: Sha256Schema, reason: z.enum(['missing', 'damaged']) });
export type FileProblem = z.infer<typeof FileProblemSchema>;

/** Written after the files: what the store had lost or corrupted before the backup was taken. */
export const BackupTrailerSchema = z.object({ format: z.literal(BACKUP_FORMAT), fileProblems: z.array(FileProblemSchema) });
export type BackupTrailer = z.infer<typeof BackupTrailerSchema>;

export function productVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** One error type for a refused backup or restore; its message is what the operator reads (Vietnamese / English). */
export class BackupError extends Error {
  constructor(
    message: string,
    /** Process exit code for the CLI: 1 refused or failed, 2 the restored audit chain does not verify. */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
