import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { foldVietnamese, parseOsqueryLine, parseWazuhInventory, type HostObservation } from '@khien/formats';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/client.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Words } from '../../../platform/words.js';
import { COLUMNS, mapHeader, type TableKind } from './columns.js';
import { ImportFailure, readCsvFile, readLines, readXlsxFile, type TableFile } from './read-records.js';
import {
  OrgResolver,
  RowProblem,
  RowProblems,
  rowValue,
  type AssetRowValue,
  type IpRowValue,
  type RowError,
  type RowValue,
  type SystemRowValue,
} from './table-rows.js';
import { writeAssetRows, writeIpRows, writeSystemRows, type WriteTarget } from './writers.js';
import { writeHostObservations } from './host-writer.js';

export type ImportFormat = 'csv' | 'xlsx' | 'osquery' | 'wazuh';

/** Errors kept on the import record (the count is always exact). */
export const MAX_KEPT_ERRORS = 1_000;
const TABLE_BATCH = 1_000;
const HOST_BATCH_SOFTWARE = 50_000;
const HOST_BATCH_LINES = 5_000;
/** Whole-document JSON (a Wazuh API answer) is parsed in memory, so it is bounded. */
const MAX_JSON_DOCUMENT = 256 * 1024 * 1024;

export interface ImportJob {
  id: string;
  kind: TableKind;
  format: ImportFormat;
  path: string;
  onError: 'keep' | 'refuse';
  dryRun: boolean;
  org: { id: string; path: string };
  userId: string | null;
  audit: AuditContext;
}

export interface ImportOutcome {
  status: 'done' | 'refused';
  rowsRead: number;
  rowsFailed: number;
  created: number;
  updated: number;
  software: number;
  errors: RowError[];
  message: Words | null;
}

interface Progress {
  phase: string;
  bytesDone: number;
  rowsRead: number;
  rowsFailed: number;
  created: number;
  updated: number;
}
export type ProgressFn = (p: Progress) => Promise<void>;

/**
 * Records of one file checked against each other for duplicates. Past this many, memory wins over
 * the check: a repeated record then updates the same row (writers match like the check does).
 */
const MAX_TRACKED_KEYS = 250_000;

/** What makes two rows the same record: the rules the writers match existing records by. */
function duplicateKey(v: RowValue): string | null {
  if (v.kind === 'systems') return `${v.value.orgId}|${v.value.name.toLowerCase()}`;
  if (v.kind === 'ipspace') return `${v.value.orgId}|${v.value.range.firstKey}|${v.value.range.lastKey}`;
  if (v.value.serial) return `serial|${v.value.serial.toUpperCase()}`;
  return `${v.value.orgId}|${foldVietnamese(v.value.name)}`;
}

/** Guesses the format from the name and the first bytes. */
export function detectFormat(filename: string, head: Buffer): ImportFormat {
  const name = filename.toLowerCase();
  if (name.endsWith('.xlsx') || (head[0] === 0x50 && head[1] === 0x4b)) return 'xlsx';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"(hostIdentifier|snapshot|diffResults|calendarTime)"/.test(text)) return 'osquery';
    if (/"(affected_items|agent_id|_index|hits|syscollector)"/.test(text) || /wazuh/i.test(text)) return 'wazuh';
    return name.includes('wazuh') ? 'wazuh' : 'osquery';
  }
  return 'csv';
}

/**
 * Runs one import over the staged file. With onError "refuse" a first pass checks every
 * row and writes nothing if any fails; the second pass (or the only one, with "keep")
 * writes in batches, each batch and its audit row in one transaction, so a row is
 * written whole or not at all.
 */
export async function runImport(db: Db, job: ImportJob, progress: ProgressFn): Promise<ImportOutcome> {
  const p: Progress = { phase: 'validating', bytesDone: 0, rowsRead: 0, rowsFailed: 0, created: 0, updated: 0 };
  const errors: RowError[] = [];
  /** One bad row, with every problem it has. */
  const addErrors = (row: number, problems: readonly RowProblem[]) => {
    p.rowsFailed++;
    for (const e of problems) if (errors.length < MAX_KEPT_ERRORS) errors.push({ row, field: e.field, code: e.code, text: e.text });
  };
  let lastReport = 0;
  const report = async (force = false) => {
    const now = Date.now();
    if (force || now - lastReport > 500) {
      lastReport = now;
      await progress({ ...p });
    }
  };
  const target: WriteTarget = {
    importId: job.id,
    scopeOrgId: job.org.id,
    scopeOrgPath: job.org.path,
    userId: job.userId,
    audit: job.audit,
    dryRun: job.dryRun,
  };
  const orgs = job.kind === 'assets' && (job.format === 'osquery' || job.format === 'wazuh') ? null : await OrgResolver.load(db, job.org.path, job.org.id);
  let software = 0;
  let message: Words | null = null;

  const pass = async (write: boolean) => {
    p.bytesDone = 0;
    p.rowsRead = 0;
    if (job.format === 'osquery' || job.format === 'wazuh') {
      if (job.kind !== 'assets')
        throw new ImportFailure('VALIDATION_FAILED', { vi: 'Tệp osquery/Wazuh chỉ dùng để nhập tài sản', en: 'osquery and Wazuh files import assets only' }, [
          { path: 'kind', message: 'assets only' },
        ]);
      let batch: { line: number; obs: HostObservation }[] = [];
      let batchSoftware = 0;
      // one batch is written while the next is parsed (the database works in its own process);
      // writes stay one at a time and in file order, so a host split across batches is found again
      let inFlight: Promise<void> = Promise.resolve();
      let failure: unknown = null;
      const flush = async () => {
        if (batch.length === 0) return;
        const mine = batch;
        batch = [];
        batchSoftware = 0;
        await inFlight;
        if (failure) throw failure;
        if (write)
          inFlight = writeHostObservations(db, target, mine, job.format as 'osquery' | 'wazuh').then(
            (r) => {
              p.created += r.created;
              p.updated += r.updated;
              software += r.software;
            },
            (err: unknown) => {
              failure = err;
            },
          );
        await report();
      };
      for await (const item of hostObservations(job, (n) => (p.bytesDone += n))) {
        p.rowsRead++;
        if ('error' in item) {
          addErrors(item.error.line, [item.error.problem]);
          continue;
        }
        for (const obs of item.hosts) {
          batch.push({ line: item.line, obs });
          batchSoftware += obs.software?.length ?? 0;
        }
        if (batch.length >= HOST_BATCH_LINES || batchSoftware >= HOST_BATCH_SOFTWARE) await flush();
        else await report();
      }
      await flush();
      await inFlight;
      if (failure) throw failure;
      return;
    }
    const file: TableFile = job.format === 'xlsx' ? await readXlsxFile(job.path) : await readCsvFile(job.path, (n) => (p.bytesDone += n));
    const { index, unknown, missing } = mapHeader(job.kind, file.header);
    if (missing.length > 0) {
      const names = missing.map((m) => `"${m.header}"`).join(', ');
      throw new ImportFailure('IMPORT_FAILED', {
        vi: `Thiếu cột bắt buộc: ${names} — hãy dùng tệp mẫu`,
        en: `Required columns are missing: ${names} (${missing.map((m) => m.key).join(', ')}); start from the template`,
      });
    }
    if (unknown.length > 0 && !message) {
      const names = unknown.slice(0, 10).join(', ');
      message = { vi: `Đã bỏ qua các cột không dùng: ${names}`, en: `Columns not used, and ignored: ${names}` };
    }
    const headerOf = (key: string) => COLUMNS[job.kind].find((c) => c.key === key)?.header ?? key;
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      if (write) {
        const r =
          job.kind === 'assets'
            ? await writeAssetRows(db, target, batch as AssetRowValue[])
            : job.kind === 'systems'
              ? await writeSystemRows(db, target, batch as SystemRowValue[])
              : await writeIpRows(db, target, batch as IpRowValue[]);
        p.created += r.created;
        p.updated += r.updated;
      }
      batch = [];
      await report();
    };
    // the same record twice in one file is a mistake worth naming, not a silent overwrite
    const firstRow = new Map<string, number>();
    for await (const rec of file.records) {
      p.rowsRead++;
      try {
        const v = rowValue(job.kind, (key) => (index.has(key) ? (rec.cells[index.get(key)!] ?? '') : ''), headerOf, orgs!);
        const key = duplicateKey(v);
        const seen = key === null ? undefined : firstRow.get(key);
        if (seen !== undefined) throw new RowProblem(null, 'duplicate_row', { vi: `Trùng với dòng ${seen}`, en: `The same record as row ${seen}` });
        if (key !== null && firstRow.size < MAX_TRACKED_KEYS) firstRow.set(key, rec.row);
        batch.push(v.value);
      } catch (err) {
        if (err instanceof RowProblems) addErrors(rec.row, err.problems);
        else if (err instanceof RowProblem) addErrors(rec.row, [err]);
        else throw err;
      }
      if (batch.length >= TABLE_BATCH) await flush();
      else await report();
    }
    await flush();
  };

  if (job.onError === 'refuse') {
    await pass(false);
    if (p.rowsFailed > 0) {
      await report(true);
      return {
        status: 'refused',
        rowsRead: p.rowsRead,
        rowsFailed: p.rowsFailed,
        created: 0,
        updated: 0,
        software: 0,
        errors,
        message: {
          vi: `Tệp bị từ chối: ${p.rowsFailed.toLocaleString('vi-VN')} dòng lỗi, không dòng nào được nhập`,
          en: `The file is refused: ${p.rowsFailed === 1 ? 'one row has' : `${p.rowsFailed.toLocaleString('en-US')} rows have`} errors, none was imported`,
        },
      };
    }
  }
  p.phase = job.dryRun ? 'checking' : 'writing';
  errors.length = 0;
  p.rowsFailed = 0;
  await report(true);
  await pass(true);
  await report(true);
  return { status: 'done', rowsRead: p.rowsRead, rowsFailed: p.rowsFailed, created: p.created, updated: p.updated, software, errors, message };
}

type HostItem = { line: number; hosts: HostObservation[] } | { error: { line: number; problem: RowProblem } };

const TOO_LONG = (line: number) => ({
  error: {
    line,
    problem: new RowProblem(null, 'line_too_long', { vi: `Dòng ${line} dài quá giới hạn, bỏ qua`, en: `Line ${line} is too long and is skipped` }),
  },
});
/** The parsers' own (English, technical) account of a record they could not read. */
const UNREADABLE = (line: number, message: string) => ({
  error: { line, problem: new RowProblem(null, 'record_unreadable', { vi: `Không đọc được bản ghi: ${message}`, en: message }) },
});

/** osquery results logs line by line; Wazuh as one JSON document or one document per line. */
async function* hostObservations(job: ImportJob, onBytes: (n: number) => void): AsyncGenerator<HostItem> {
  if (job.format === 'osquery') {
    for await (const { line, text } of readLines(job.path, onBytes)) {
      if (text === null) {
        yield TOO_LONG(line);
        continue;
      }
      const r = parseOsqueryLine(text, line);
      if ('error' in r) yield UNREADABLE(r.error.line, r.error.message);
      else yield { line, hosts: r.hosts };
    }
    return;
  }
  const size = fs.statSync(job.path).size;
  // one document per line (NDJSON) when the first line parses on its own
  let ndjson = false;
  for await (const { text } of readLines(job.path, () => undefined)) {
    if (text === null) break;
    try {
      JSON.parse(text);
      ndjson = true;
    } catch {
      ndjson = false;
    }
    break;
  }
  if (ndjson) {
    for await (const { line, text } of readLines(job.path, onBytes)) {
      if (text === null) {
        yield TOO_LONG(line);
        continue;
      }
      const r = parseWazuhInventory(text);
      for (const e of r.errors) yield UNREADABLE(line, e.message);
      if (r.hosts.length > 0) yield { line, hosts: r.hosts };
    }
    return;
  }
  if (size > MAX_JSON_DOCUMENT)
    throw new ImportFailure('PAYLOAD_TOO_LARGE', {
      vi: `Tài liệu JSON quá lớn (tối đa ${MAX_JSON_DOCUMENT >> 20} MB); hãy xuất theo từng dòng`,
      en: `The JSON document is too large (at most ${MAX_JSON_DOCUMENT >> 20} MB); export one document per line`,
    });
  const text = fs.readFileSync(job.path, 'utf8');
  onBytes(size);
  const r = parseWazuhInventory(text.replace(/^\uFEFF/, ''));
  for (const e of r.errors) yield UNREADABLE(e.line, e.message);
  if (r.hosts.length > 0) yield { line: 1, hosts: r.hosts };
}

/** How many bytes a staged import file has, for the progress bar. */
export async function stagedSize(path: string): Promise<number> {
  return (await fs.promises.stat(path)).size;
}

export async function importOrgRef(db: Db, orgId: string) {
  const [row] = await queryRows<{ id: string; path: string; name: string }>(db, sql`select id, path::text as path, name from orgs where id = ${orgId}`);
  return row;
}
