import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { AuditContext } from '../audit/audit.js';
import { loadConfig } from '../config.js';
import { BackupError, formatBytes, type FileProblem } from './backup-format.js';
import { restoreBackup, type RestoreReport } from './restore-backup.js';
import { takeBackup, type BackupOutcome } from './take-backup.js';

type Print = (line: string) => void;

const VIA = {
  server: 'qua máy chủ đang chạy (kênh điều khiển) / through the running server',
  direct: 'trực tiếp từ thư mục dữ liệu (máy chủ không chạy) / directly from the data folder',
  postgres: 'PostgreSQL (pg_dump)',
} as const;

function printProblems(print: Print, problems: FileProblem[]): void {
  if (problems.length === 0) return;
  print(
    `  CẢNH BÁO: ${problems.length} tệp đã mất hoặc hỏng trong kho từ trước, không có trong bản sao lưu / WARNING: files already missing or damaged in the store:`,
  );
  for (const p of problems.slice(0, 20)) print(`    ${p.sha256} (${p.reason === 'missing' ? 'mất / missing' : 'hỏng / damaged'})`);
  if (problems.length > 20) print(`    … +${problems.length - 20}`);
}

export function printBackup(print: Print, r: BackupOutcome): void {
  const s = r.summary;
  print(`Đã sao lưu / backup written: ${r.file === '-' ? '(stdout)' : r.file}`);
  print(`  Cách lấy / taken: ${VIA[r.via]}`);
  print(`  Cơ sở dữ liệu / database: ${s.tables} bảng / tables, ${s.rows} dòng / rows`);
  print(`  Kho tệp / file store: ${s.files} tệp / files (${formatBytes(s.fileBytes)})`);
  print(`  Nhật ký kiểm toán / audit log: ${s.audit.rows} dòng / rows, đầu chuỗi / head #${s.audit.lastSeq} ${s.audit.lastHash.slice(0, 16)}…`);
  print(`  Kích thước / size: ${formatBytes(s.bytes)}   SHA-256: ${s.sha256}`);
  printProblems(print, s.fileProblems);
}

export function printRestore(print: Print, r: RestoreReport): void {
  const m = r.manifest;
  print(`Đã khôi phục / restored into: ${r.target}${r.engine === 'postgres' || !r.filesDir.startsWith(r.target) ? `  (tệp / files: ${r.filesDir})` : ''}`);
  print(`  Bản sao lưu lúc / backup taken at ${m.createdAt} (Khiên ${m.product.version}), SHA-256: ${r.sha256}`);
  print(`  Số dòng khớp bản sao lưu / row counts match the backup: ${r.tables} bảng / tables, ${r.rows} dòng / rows`);
  print(`  Tệp / files: ${r.files}, đều khớp mã băm SHA-256 / every hash checked`);
  printProblems(print, r.fileProblems);
  if (r.audit.ok) print(`  Nhật ký toàn vẹn: ${r.audit.rows} dòng (+1 dòng ghi việc khôi phục) / audit log intact: ${r.audit.rows} rows (+1 for this restore)`);
  else
    print(
      `  NHẬT KÝ BỊ SỬA ĐỔI tại dòng ${r.audit.badSeq}: ${r.audit.reason} / AUDIT LOG TAMPERED at row ${r.audit.badSeq} (đã như vậy trong bản sao lưu / already so in the backup)`,
    );
}

function openInput(file: string): Readable {
  if (file === '-') return process.stdin;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`Không có tệp ${file} / no such file`);
  return fs.createReadStream(file);
}

/** `khien backup` and `khien restore`; `audit` names the operator in the rows they write. */
export function registerBackupCommands(program: Command, opts: { print: Print; audit: () => AuditContext }): void {
  program
    .command('backup <file>')
    .description('sao lưu cơ sở dữ liệu và kho tệp vào một tệp .tar.gz, kể cả khi máy chủ đang chạy ("-": ra stdout) / back up the database and the file store')
    .action(async (file: string) => {
      // with the archive on stdout, the report goes to stderr
      const print: Print = file === '-' ? (line) => process.stderr.write(`${line}\n`) : opts.print;
      const r = await takeBackup({ config: loadConfig(), file, audit: opts.audit() });
      printBackup(print, r);
      // a backup without some files is still worth keeping, but whoever runs it from cron must hear of it
      if (r.summary.fileProblems.length > 0) process.exitCode = 3;
    });

  program
    .command('restore <file>')
    .description(
      'khôi phục bản sao lưu vào thư mục dữ liệu trống, hoặc cơ sở dữ liệu trống (DATABASE_URL) ("-": từ stdin) / restore a backup into an empty target',
    )
    .option('--data-dir <dir>', 'thư mục dữ liệu đích (mặc định KHIEN_DATA_DIR) / target data folder')
    .action(async (file: string, o: { dataDir?: string }) => {
      const config = loadConfig(o.dataDir ? { ...process.env, KHIEN_DATA_DIR: o.dataDir } : process.env);
      const r = await restoreBackup({ config, input: openInput(file), audit: opts.audit() });
      printRestore(opts.print, r);
      if (!r.audit.ok) process.exitCode = 2;
    });
}
