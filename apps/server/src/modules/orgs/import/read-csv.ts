import { parse } from 'csv-parse/sync';
import { textCell } from './cell-text.js';
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, tooManyRows } from './limits.js';
import type { RawRow, RawTable, RowIssue } from './types.js';

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/**
 * Decoded CSV text → non-empty rows with the line where each record starts
 * (the header is line 1, as a text editor shows it). The delimiter is `,`, `;`
 * or tab, whichever the header line uses most outside quotes; Excel's
 * "sep=;" first line is honoured. A syntax error (an unclosed quote) ends the
 * read with one error at its line: the rest of the file cannot be trusted.
 */
export function readCsv(text: string): RawTable {
  // one line ending everywhere (CRLF, LF, and a lone CR as old Mac exports write it, mixed in one
  // file too), so no two rows merge and line numbers are counted the same way in every file
  let body = text.replace(/\r\n?/g, '\n');
  let firstLine = 1;
  let delimiter: Delimiter | undefined;
  const sep = /^sep=([,;\t])\n/i.exec(body);
  if (sep) {
    delimiter = sep[1] as Delimiter;
    body = body.slice(sep[0].length);
    firstLine = 2;
  }
  delimiter ??= sniffDelimiter(body);

  const rows: RawRow[] = [];
  const errors: RowIssue[] = [];
  let nextLine = firstLine;
  try {
    parse(body, {
      delimiter,
      record_delimiter: '\n',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: false,
      // a record is at most the columns we read, each at its largest, with room for quoting
      max_record_size: MAX_IMPORT_COLUMNS * MAX_CELL_CHARS,
      // records are taken as they are parsed (and none kept by csv-parse), so the rows
      // before a syntax error survive it and the row limit stops the parse early
      on_record: (record: string[], context) => {
        const line = nextLine;
        nextLine = context.lines + firstLine;
        const cells = record.slice(0, MAX_IMPORT_COLUMNS).map(textCell);
        if (cells.some((c) => c.text !== '')) rows.push({ row: line, cells });
        // header + MAX_IMPORT_ROWS data rows
        if (rows.length > MAX_IMPORT_ROWS + 1) throw tooManyRows();
        return null;
      },
    });
  } catch (err) {
    if (!isCsvSyntaxError(err)) throw err;
    // the record that failed starts where the previous one ended
    const line = nextLine;
    const why = describe(err.code);
    errors.push({
      row: line,
      field: null,
      code: 'csv_syntax',
      text: {
        vi: `Lỗi cú pháp CSV ở dòng ${line} (${why.vi}); các dòng từ đây trở đi không được đọc`,
        en: `CSV syntax error at line ${line} (${why.en}); the lines from here on are not read`,
      },
    });
  }
  return { rows, errors };
}

function isCsvSyntaxError(err: unknown): err is Error & { code: string } {
  const code: unknown = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('CSV_');
}

function describe(code: string): { vi: string; en: string } {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return { vi: 'dấu ngoặc kép mở mà không đóng', en: 'a double quote is opened and never closed' };
  if (code === 'CSV_MAX_RECORD_SIZE') return { vi: 'dòng quá dài', en: 'the line is too long' };
  return { vi: code, en: code };
}

/** The delimiter used most often on the first non-empty line, outside double quotes; "," when none is. */
export function sniffDelimiter(text: string): Delimiter {
  const start = text.search(/[^\n]/);
  const end = text.indexOf('\n', Math.max(0, start));
  const line = text.slice(Math.max(0, start), end < 0 ? Math.min(text.length, 65_536) : end);
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}
