import type ExcelJS from 'exceljs';
import { ARCHIVE_LIMITS, ArchiveRefusedError, checkArchive } from '../../../platform/archive/index.js';
import { cleanCellText } from './cell-text.js';
import { headerKey } from './columns.js';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, OrgImportRefusedError, refuse, tooManyRows } from './limits.js';
import type { RawCell, RawRow, RawTable } from './types.js';

/** Name of the instructions sheet in our templates; never read as data. */
export const GUIDE_SHEET_NAME = 'Hướng dẫn';

// Parts of a sheet we never need; skipping them saves memory and sidesteps parser quirks.
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'drawing',
  'picture',
  'legacyDrawing',
  'tableParts',
  'hyperlinks',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
];

/**
 * XLSX → non-empty rows of the first data sheet (the first one not named
 * "Hướng dẫn"), numbered as Excel shows them. The zip goes through the guarded
 * reader first (exceljs' JSZip trusts the archive and would inflate a bomb into
 * memory); exceljs then refuses sheets with more than MAX_IMPORT_ROWS + slack
 * `<row>` elements or rows with more than MAX_IMPORT_COLUMNS cells while it parses.
 */
export async function readXlsx(data: Buffer): Promise<RawTable> {
  await checkZip(data);
  // loaded on first use: exceljs alone is ~300 ms of the server's start-up
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // maxRows/maxCols are honoured by exceljs' sheet parser but missing from its typings
    const options = { ignoreNodes: IGNORED_NODES, maxRows: MAX_IMPORT_ROWS + 10_000, maxCols: MAX_IMPORT_COLUMNS * 4 };
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer, options as Partial<ExcelJS.XlsxReadOptions>);
  } catch (err) {
    if (err instanceof OrgImportRefusedError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/^Max row count/.test(message)) throw tooManyRows();
    if (/^Max column count/.test(message)) throw refuse('invalid_xlsx', 'Bảng tính có quá nhiều cột', 'The sheet has too many columns');
    throw refuse(
      'invalid_xlsx',
      'Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính Excel)',
      'Cannot read the XLSX file (corrupt or not an Excel workbook)',
    );
  }
  if (workbook.worksheets.length === 0)
    throw refuse('invalid_xlsx', 'Tệp nén không phải bảng tính XLSX (không có trang tính nào)', 'The zip is not an XLSX workbook (no worksheets)');
  const sheet = workbook.worksheets.find((ws) => headerKey(ws.name) !== headerKey(GUIDE_SHEET_NAME));
  if (!sheet) throw refuse('empty', 'Tệp XLSX không có trang tính dữ liệu', 'The XLSX file has no data sheet');

  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    const count = Math.min(row.cellCount, MAX_IMPORT_COLUMNS);
    for (let c = 1; c <= count; c++) cells.push(toRawCell(row.getCell(c).value));
    if (cells.every((cell) => cell.text === '' && cell.error === null)) return;
    rows.push({ row: rowNumber, cells });
    if (rows.length > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  });
  return { rows, errors: [] };
}

/** The guarded reader's refusal as this parser's own, so parseOrgFile keeps throwing one error type. */
async function checkZip(data: Buffer): Promise<void> {
  try {
    await checkArchive(data, { limits: ARCHIVE_LIMITS.xlsx });
  } catch (err) {
    if (err instanceof ArchiveRefusedError)
      throw new OrgImportRefusedError(err.code === 'ARCHIVE_TOO_LARGE' ? 'archive_too_large' : 'archive_refused', err.text);
    throw err;
  }
}

const EMPTY: RawCell = { text: '', numeric: false, error: null };

/** A cell value as text: formulas give their cached result, rich text and hyperlinks their plain text. */
export function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return { text: cleanCellText(value), numeric: false, error: null };
  if (typeof value === 'number') return { text: numberText(value), numeric: true, error: null };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', numeric: false, error: null };
  if (value instanceof Date) return { text: dateText(value), numeric: false, error: null };
  if ('error' in value) return { text: '', numeric: false, error: String(value.error) };
  if ('richText' in value) return { text: cleanCellText(richText(value.richText)), numeric: false, error: null };
  if ('formula' in value || 'sharedFormula' in value) return toRawCell(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return { text: cleanCellText(text), numeric: false, error: null };
    if (text && typeof text === 'object' && 'richText' in text)
      return { text: cleanCellText(richText((text as ExcelJS.CellRichTextValue).richText)), numeric: false, error: null };
    return { text: cleanCellText(value.hyperlink), numeric: false, error: null };
  }
  return EMPTY;
}

function richText(parts: ExcelJS.RichText[] | undefined): string {
  return (parts ?? []).map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  // 15 significant digits is what Excel itself displays; drops binary noise like 0.30000000000000004
  return String(Number(n.toPrecision(15)));
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
