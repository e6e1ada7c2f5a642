import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { AuditContext } from '../audit/audit.js';
import { loadConfig } from '../config.js';
import { BackupError, formatBytes, type FileProblem } from './backup-format.js';
import { restoreBackup, type RestoreReport } from './restore-backup.js';
import { takeBackup, type BackupOutcome } from './take-backup.js';
import type { Lang } from '../words.js';

type Print = (line: string) => void;

const WORDS = {
  vi: {
    via: {
      server: 'qua máy chủ đang chạy (kênh điều khiển)',
      direct: 'trực tiếp từ thư mục dữ liệu (máy chủ không chạy)',
      postgres: 'PostgreSQL (pg_dump)',
    },
    missing: 'mất',
    damaged: 'hỏng',
    problems: (n: number) => `  CẢNH BÁO: ${n} tệp đã mất hoặc hỏng trong kho từ trước, không có trong bản sao lưu:`,
    written: (file: string) => `Đã sao lưu: ${file}`,
    taken: (how: string) => `  Cách lấy: ${how}`,
    database: (tables: number, rows: number) => `  Cơ sở dữ liệu: ${tables} bảng, ${rows} dòng`,
    files: (n: number, size: string) => `  Kho tệp: ${n} tệp (${size})`,
    audit: (rows: number, seq: number, hash: string) => `  Nhật ký kiểm toán: ${rows} dòng, đầu chuỗi #${seq} ${hash}…`,
    size: (size: string, sha: string) => `  Kích thước: ${size}   SHA-256: ${sha}`,
    restored: (target: string, files: string | null) => `Đã khôi phục vào: ${target}${files ? `  (tệp: ${files})` : ''}`,
    takenAt: (at: string, version: string, sha: string) => `  Bản sao lưu lúc ${at} (Khiên ${version}), SHA-256: ${sha}`,
    counts: (tables: number, rows: number) => `  Số dòng khớp bản sao lưu: ${tables} bảng, ${rows} dòng`,
    hashes: (n: number) => `  Tệp: ${n}, đều khớp mã băm SHA-256`,
    intact: (rows: number) => `  Nhật ký toàn vẹn: ${rows} dòng (+1 dòng ghi việc khôi phục)`,
    tampered: (seq: number | null, reason: string) => `  NHẬT KÝ BỊ SỬA ĐỔI tại dòng ${seq}: ${reason} (đã như vậy trong bản sao lưu)`,
    noFile: (file: string) => `Không có tệp ${file}`,
    backup: 'sao lưu cơ sở dữ liệu và kho tệp vào một tệp .tar.gz, kể cả khi máy chủ đang chạy ("-": ra stdout)',
    restore: 'khôi phục bản sao lưu vào thư mục dữ liệu trống, hoặc cơ sở dữ liệu trống (DATABASE_URL) ("-": từ stdin)',
    dataDir: 'thư mục dữ liệu đích (mặc định KHIEN_DATA_DIR)',
  },
  en: {
    via: {
      server: 'through the running server (control channel)',
      direct: 'directly from the data folder (no server running)',
      postgres: 'PostgreSQL (pg_dump)',
    },
    missing: 'missing',
    damaged: 'damaged',
    problems: (n: number) => `  WARNING: ${n} files were already missing or damaged in the store and are not in the backup:`,
    written: (file: string) => `Backup written: ${file}`,
    taken: (how: string) => `  Taken: ${how}`,
    database: (tables: number, rows: number) => `  Database: ${tables} tables, ${rows} rows`,
    files: (n: number, size: string) => `  File store: ${n} files (${size})`,
    audit: (rows: number, seq: number, hash: string) => `  Audit log: ${rows} rows, head #${seq} ${hash}…`,
    size: (size: string, sha: string) => `  Size: ${size}   SHA-256: ${sha}`,
    restored: (target: string, files: string | null) => `Restored into: ${target}${files ? `  (files: ${files})` : ''}`,
    takenAt: (at: string, version: string, sha: string) => `  Backup taken at ${at} (Khiên ${version}), SHA-256: ${sha}`,
    counts: (tables: number, rows: number) => `  Row counts match the backup: ${tables} tables, ${rows} rows`,
    hashes: (n: number) => `  Files: ${n}, every SHA-256 checked`,
    intact: (rows: number) => `  Audit log intact: ${rows} rows (+1 for this restore)`,
    tampered: (seq: number | null, reason: string) => `  AUDIT LOG TAMPERED at row ${seq}: ${reason} (already so in the backup)`,
    noFile: (file: string) => `No such file: ${file}`,
    backup: 'back up the database and the file store into one .tar.gz, also while the server runs ("-": to stdout)',
    restore: 'restore a backup into an empty data folder, or an empty database (DATABASE_URL) ("-": from stdin)',
    dataDir: 'target data folder (default: KHIEN_DATA_DIR)',
  },
} satisfies Record<Lang, unknown>;
type BackupWords = (typeof WORDS)['vi'];

function printProblems(print: Print, w: BackupWords, problems: FileProblem[]): void {
  if (problems.length === 0) return;
  print(w.problems(problems.length));
  for (const p of problems.slice(0, 20)) print(`    ${p.sha256} (${p.reason === 'missing' ? w.missing : w.damaged})`);
  if (problems.length > 20) print(`    … +${problems.length - 20}`);
}

export function printBackup(print: Print, r: BackupOutcome, lang: Lang = 'vi'): void {
  const w = WORDS[lang];
  const s = r.summary;
  print(w.written(r.file === '-' ? '(stdout)' : r.file));
  print(w.taken(w.via[r.via]));
  print(w.database(s.tables, s.rows));
  print(w.files(s.files, formatBytes(s.fileBytes)));
  print(w.audit(s.audit.rows, s.audit.lastSeq, s.audit.lastHash.slice(0, 16)));
  print(w.size(formatBytes(s.bytes), s.sha256));
  printProblems(print, w, s.fileProblems);
}

export function printRestore(print: Print, r: RestoreReport, lang: Lang = 'vi'): void {
  const w = WORDS[lang];
  const m = r.manifest;
  print(w.restored(r.target, r.engine === 'postgres' || !r.filesDir.startsWith(r.target) ? r.filesDir : null));
  print(w.takenAt(m.createdAt, m.product.version, r.sha256));
  print(w.counts(r.tables, r.rows));
  print(w.hashes(r.files));
  printProblems(print, w, r.fileProblems);
  if (r.audit.ok) print(w.intact(r.audit.rows));
  else print(w.tampered(r.audit.badSeq, r.audit.reason));
}

function openInput(file: string, w: BackupWords): Readable {
  if (file === '-') return process.stdin;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(w.noFile(file));
  return fs.createReadStream(file);
}

/** `khien backup` and `khien restore`; `audit` names the operator in the rows they write. */
export function registerBackupCommands(program: Command, opts: { print: Print; audit: () => AuditContext; lang?: Lang }): void {
  const lang = opts.lang ?? 'vi';
  const w = WORDS[lang];
  program
    .command('backup <file>')
    .description(w.backup)
    .action(async (file: string) => {
      // with the archive on stdout, the report goes to stderr
      const print: Print = file === '-' ? (line) => process.stderr.write(`${line}\n`) : opts.print;
      const r = await takeBackup({ config: loadConfig(), file, audit: opts.audit() });
      printBackup(print, r, lang);
      // a backup without some files is still worth keeping, but whoever runs it from cron must hear of it
      if (r.summary.fileProblems.length > 0) process.exitCode = 3;
    });

  program
    .command('restore <file>')
    .description(w.restore)
    .option('--data-dir <dir>', w.dataDir)
    .action(async (file: string, o: { dataDir?: string }) => {
      const config = loadConfig(o.dataDir ? { ...process.env, KHIEN_DATA_DIR: o.dataDir } : process.env);
      const r = await restoreBackup({ config, input: openInput(file, w), audit: opts.audit() });
      printRestore(opts.print, r, lang);
      if (!r.audit.ok) process.exitCode = 2;
    });
}
