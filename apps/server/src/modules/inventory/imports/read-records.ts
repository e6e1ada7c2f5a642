import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import type { ErrorCode } from '@khien/contracts';
import iconv from 'iconv-lite';
import { foldVietnamese } from '@khien/formats';
import { ARCHIVE_LIMITS, checkArchive, isCompoundFile, isZip } from '../../../platform/archive/index.js';
import { AppError } from '../../../platform/errors.js';
import { decodeText, type TextEncoding } from '../../../platform/text-decoding.js';
import type { Words } from '../../../platform/words.js';
import { cleanCellText } from '../../orgs/index.js';

/** One data row of a table file: the line (CSV) or row number (XLSX) people see, and cells by header. */
export interface TableRecord {
  row: number;
  cells: string[];
}
export interface TableFile {
  header: string[];
  records: AsyncIterable<TableRecord>;
}

export const MAX_TABLE_COLUMNS = 64;
export const MAX_LINE_CHARS = 8 * 1024 * 1024;
/** Every entry of an XLSX is inflated by the archive check first, so it is bounded (ARCHIVE_LIMITS.xlsx: 50 MiB, 160 MiB unzipped); big files go as CSV. */
export const MAX_XLSX_BYTES = ARCHIVE_LIMITS.xlsx.maxArchiveBytes;

/**
 * An import that cannot go on, said in both languages (`text`): kept with the import and shown in the
 * reader's, printed by the CLI in its own. The message is the English, for API clients and logs.
 */
export class ImportFailure extends AppError {
  constructor(
    code: ErrorCode,
    readonly text: Words,
    details?: unknown,
  ) {
    super(code, text.en, details);
  }
}

const refused = (vi: string, en: string) => new ImportFailure('IMPORT_FAILED', { vi, en });

/**
 * Every line end as LF before csv-parse sees the text: CRLF (Excel), LF, and a lone CR (old Mac
 * exports), also mixed in one file. csv-parse would otherwise take the first line's end as the only
 * one and merge the rows that end differently; and it counts a CRLF inside quotes as two lines.
 */
export class LineEnds extends Transform {
  private carriage = false;
  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }
  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let text = (this.carriage ? '\r' : '') + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    // a CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk
    this.carriage = text.endsWith('\r');
    if (this.carriage) text = text.slice(0, -1);
    if (text !== '') this.push(text.replace(/\r\n?/g, '\n'));
    done();
  }
  override _flush(done: TransformCallback): void {
    if (this.carriage) this.push('\n');
    done();
  }
}

/** Header text → a comparable key: no diacritics, lower case, no spaces or punctuation. */
export function headerKey(h: string): string {
  return foldVietnamese(h).replace(/[^a-z0-9]/g, '');
}

/** The encoding of a big text file from its first 64 KiB (a cut multi-byte character at the end is ignored). */
export function sniffEncoding(path: string): TextEncoding {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const sample = buf.subarray(0, n);
    const d = decodeText(sample);
    if (d.encoding !== 'windows-1258' || n < buf.length) return d.encoding;
    // a multi-byte UTF-8 character cut at the sample's end is not Windows-1258
    for (let cut = 1; cut <= 3; cut++) if (decodeText(sample.subarray(0, n - cut)).encoding === 'utf-8') return 'utf-8';
    return 'windows-1258';
  } finally {
    fs.closeSync(fd);
  }
}

/** A text stream of the file in its encoding, BOM removed; `onBytes` reports how far the file has been read. */
export function textStream(path: string, onBytes: (n: number) => void): NodeJS.ReadableStream {
  const encoding = sniffEncoding(path);
  const raw = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  raw.on('data', (chunk: Buffer | string) => onBytes(typeof chunk === 'string' ? chunk.length : chunk.length));
  const iconvName = encoding === 'windows-1258' ? 'windows1258' : encoding === 'utf-8' ? 'utf8' : encoding;
  // iconv-lite strips the BOM by default
  return raw.pipe(iconv.decodeStream(iconvName));
}

/** Lines of a text file, numbered from 1; lines over the limit are reported, not kept. */
export async function* readLines(path: string, onBytes: (n: number) => void): AsyncGenerator<{ line: number; text: string | null }> {
  let carry = '';
  let line = 0;
  let overlong = false;
  for await (const chunk of textStream(path, onBytes) as AsyncIterable<string>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) {
        if (!overlong) carry += chunk.slice(start);
        if (carry.length > MAX_LINE_CHARS) {
          overlong = true;
          carry = '';
        }
        break;
      }
      line++;
      const text = overlong ? null : carry + chunk.slice(start, nl);
      carry = '';
      overlong = false;
      start = nl + 1;
      if (text !== null && text.length > MAX_LINE_CHARS) yield { line, text: null };
      else if (text === null || text.trim() !== '') yield { line, text: text?.replace(/\r$/, '') ?? null };
    }
  }
  if (overlong) yield { line: line + 1, text: null };
  else if (carry.trim() !== '') yield { line: line + 1, text: carry.replace(/\r$/, '') };
}

function sniffDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function firstTextLine(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const text = decodeText(buf.subarray(0, n)).text;
    return text.split(/\r\n?|\n/)[0] ?? '';
  } finally {
    fs.closeSync(fd);
  }
}

/** CSV, streamed: any size, comma/semicolon/tab, UTF-8/UTF-16/Windows-1258, Excel's "sep=" line honoured. */
export async function readCsvFile(path: string, onBytes: (n: number) => void): Promise<TableFile> {
  let first = firstTextLine(path);
  let delimiter: string | undefined;
  let skip = 0;
  const sep = /^sep=([,;\t])$/i.exec(first.trim());
  if (sep) {
    delimiter = sep[1];
    skip = 1;
  }
  delimiter ??= sniffDelimiter(first);
  const parser = textStream(path, onBytes)
    .pipe(new LineEnds())
    .pipe(
      parse({
        delimiter,
        record_delimiter: '\n',
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        from_line: skip + 1,
        max_record_size: MAX_LINE_CHARS,
        info: true,
      }),
    );
  const it = (parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)[Symbol.asyncIterator]();
  const head = await it.next();
  if (head.done) throw refused('Tệp rỗng, không có dữ liệu', 'The file is empty');
  const header = head.value.record.slice(0, MAX_TABLE_COLUMNS).map(cleanCellText);
  first = '';
  async function* records(): AsyncGenerator<TableRecord> {
    let lastLine = head.done ? 1 : head.value.info.lines + skip;
    try {
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        const row = lastLine + 1;
        lastLine = n.value.info.lines + skip;
        const cells = n.value.record.slice(0, MAX_TABLE_COLUMNS).map(cleanCellText);
        if (cells.some((c) => c !== '')) yield { row, cells };
      }
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (typeof code === 'string' && code.startsWith('CSV_'))
        throw refused(
          `Lỗi cú pháp CSV sau dòng ${lastLine} (${code}); các dòng từ đây không đọc được`,
          `CSV syntax error after line ${lastLine} (${code}); the lines from there on cannot be read`,
        );
      throw err;
    }
  }
  return { header, records: records() };
}

const GUIDE_SHEET = headerKey('Hướng dẫn');

/**
 * Whether a staged file may be handed to exceljs: an XLSX within the size bound, and a zip that
 * the guarded reader (platform/archive) inflated within ARCHIVE_LIMITS.xlsx, read piece by piece
 * from the file. Throws AppError; the archive's refusals answer 413/422 naming the limit.
 */
export async function checkXlsxFile(path: string): Promise<void> {
  const size = fs.statSync(path).size;
  if (size > MAX_XLSX_BYTES)
    throw new ImportFailure('PAYLOAD_TOO_LARGE', {
      vi: `Tệp XLSX quá lớn (tối đa ${MAX_XLSX_BYTES >> 20} MB); với tệp lớn hãy dùng CSV`,
      en: `The XLSX file is too large (at most ${MAX_XLSX_BYTES >> 20} MB); use CSV for big files`,
    });
  const head = readHead(path, 8);
  if (isCompoundFile(head))
    throw refused(
      'Tệp .xls cũ hoặc XLSX có mật khẩu: hãy lưu lại dạng .xlsx không mật khẩu hoặc CSV',
      'A legacy .xls or a password-protected XLSX: save it as .xlsx without a password, or as CSV',
    );
  if (!isZip(head)) throw refused('Tệp không phải bảng tính XLSX', 'The file is not an XLSX workbook');
  await checkArchive({ path }, { limits: ARCHIVE_LIMITS.xlsx });
}

function readHead(path: string, n: number): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, fs.readSync(fd, buf, 0, n, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** XLSX: the first sheet that is not "Hướng dẫn", streamed after the archive check. */
export async function readXlsxFile(path: string): Promise<TableFile> {
  // checked again here, where exceljs (which trusts the zip) opens it, whoever queued the file
  await checkXlsxFile(path);
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  for (;;) {
    const s = await sheets.next();
    if (s.done) throw refused('Tệp XLSX không có trang tính dữ liệu', 'The XLSX file has no data sheet');
    const sheet = s.value as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name?: string };
    if (sheet.name && headerKey(sheet.name) === GUIDE_SHEET) continue;
    const rows = sheet[Symbol.asyncIterator]();
    let header: string[] | null = null;
    for (;;) {
      const r = await rows.next();
      if (r.done) throw refused('Trang tính rỗng', 'The sheet is empty');
      const cells = cellsOf(r.value.values);
      if (cells.some((c) => c !== '')) {
        header = cells;
        break;
      }
    }
    async function* records(): AsyncGenerator<TableRecord> {
      for (;;) {
        const r = await rows.next();
        if (r.done) return;
        const cells = cellsOf(r.value.values);
        if (cells.some((c) => c !== '')) yield { row: r.value.number, cells };
      }
    }
    return { header, records: records() };
  }
}

function cellsOf(values: unknown[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < Math.min(values.length, MAX_TABLE_COLUMNS + 1); i++) out.push(cleanCellText(cellText(values[i])));
  return out;
}

/** Excel cell values as text: dates as yyyy-mm-dd, formulas by their cached result, rich text joined. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.error) return '';
    return '';
  }
  return String(v);
}
