import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from './cell-text.js';
import { ORG_COLUMNS } from './columns.js';
import { addGuideSheet } from './guide-sheet.js';

/** Name of the data sheet written to templates and exports. */
export const DATA_SHEET_NAME = 'Đơn vị';

/** One line of values in ORG_COLUMNS order. */
export type OrgTableRecord = readonly string[];

/**
 * CSV: UTF-8 with BOM (so Excel shows Vietnamese correctly), comma-separated, CRLF,
 * formula-like cells escaped with "'" (undone on import).
 */
export function writeCsv(records: readonly OrgTableRecord[]): Buffer {
  const header = ORG_COLUMNS.map((c) => c.header);
  const body = records.map((r) => r.map(escapeFormula));
  return Buffer.from(stringify([header, ...body], { bom: true, record_delimiter: 'windows' }), 'utf8');
}

/**
 * XLSX: the data sheet first (header bold, frozen and filterable, columns sized,
 * code and phone columns formatted as Text so Excel keeps leading zeros), then
 * the "Hướng dẫn" sheet. Every value is written as a string: no formulas, so no injection.
 */
export async function writeXlsx(records: readonly OrgTableRecord[]): Promise<Buffer> {
  // loaded on first use: exceljs alone is ~300 ms of the server's start-up
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Khiên';
  const sheet = workbook.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ORG_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.alignment = { vertical: 'middle' };
  for (const record of records) sheet.addRow([...record]);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ORG_COLUMNS.length } };
  addGuideSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
