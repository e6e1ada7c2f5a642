import ExcelJS from 'exceljs';
import { decree30 } from '../../directives/index.js';
import { INCIDENT_DOC_LIMITS, type IncidentCaseSheet } from './types.js';
const { cleanText } = decree30;

export const CASE_SHEET_NAMES = {
  summary: 'Tóm tắt',
  timeline: 'Dòng thời gian',
  indicators: 'Chỉ báo',
  tasks: 'Nhiệm vụ',
  reports: 'Báo cáo',
} as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

// as in the directive report: every value goes in as a string, a number or a date, never a formula, so
// "=HYPERLINK(…)" typed into an indicator stays text; Excel holds 32,767 characters a cell
const text = (value: string | null | undefined): string | null => cleanText(value, INCIDENT_DOC_LIMITS.cell) || null;

// Excel dates have no time zone: the cell shows the wall-clock time in Vietnam, where the case happened
const excelDate = (value: Date | null): Date | null => (value && !Number.isNaN(value.getTime()) ? new Date(value.getTime() + VIETNAM_OFFSET_MS) : null);

interface Column {
  header: string;
  width: number;
  date?: boolean;
}

/** A sheet with a bold, frozen, filtered header row and one row per item, at most `sheetRows`. */
function addTable(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: (string | number | Date | null)[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width, ...(c.date ? { style: { numFmt: DATE_FORMAT } } : {}) }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const values of rows.slice(0, INCIDENT_DOC_LIMITS.sheetRows)) ws.addRow(values).alignment = { vertical: 'top', wrapText: true };
  if (rows.length > INCIDENT_DOC_LIMITS.sheetRows) {
    ws.addRow([null, `Tệp chỉ gồm ${INCIDENT_DOC_LIMITS.sheetRows} dòng đầu tiên trên tổng số ${rows.length} dòng.`]).font = { italic: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

function addSummary(wb: ExcelJS.Workbook, s: IncidentCaseSheet): void {
  const facts: [string, string | Date | null][] = [
    ['Mã sự cố', text(s.code)],
    ['Tên sự cố', text(s.title)],
    ['Đơn vị', text(s.orgName)],
    ['Trạng thái', text(s.status)],
    ['Mức độ nghiêm trọng', text(s.severity)],
    ['Loại sự cố', text(s.category)],
    ['Thời điểm phát hiện', excelDate(s.detectedAt)],
    ['Thời điểm báo cáo', excelDate(s.reportedAt)],
    ['Bộ quy định áp dụng', text(s.packTitle)],
  ];
  const ws = addTable(
    wb,
    CASE_SHEET_NAMES.summary,
    [
      { header: 'Thông tin', width: 28 },
      { header: 'Nội dung', width: 70 },
    ],
    facts,
  );
  for (const [i, [, value]] of facts.entries()) if (value instanceof Date) ws.getCell(i + 2, 2).numFmt = DATE_FORMAT;
  ws.addRow([]);
  const systemsHeader = ws.addRow(['Hệ thống bị ảnh hưởng', 'Cấp độ']);
  systemsHeader.font = { bold: true };
  systemsHeader.fill = HEADER_FILL;
  for (const sys of s.systems.slice(0, INCIDENT_DOC_LIMITS.sheetRows)) ws.addRow([text(sys.name), sys.level ?? null]);
  ws.getColumn(2).alignment = { vertical: 'top', wrapText: true, horizontal: 'left' };
}

/**
 * A case as a workbook: "Tóm tắt" (the case and its systems), "Dòng thời gian", "Chỉ báo", "Nhiệm vụ",
 * "Báo cáo", each a table with its header frozen. Times are real Excel dates, in Vietnam time.
 * A case holds hundreds to a few thousand rows, so the workbook is built in memory (the directive
 * report streams because a province-wide directive has tens of thousands).
 */
export async function buildIncidentCaseXlsx(sheet: IncidentCaseSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Khiên';
  addSummary(wb, sheet);
  addTable(
    wb,
    CASE_SHEET_NAMES.timeline,
    [
      { header: 'STT', width: 7 },
      { header: 'Thời gian', width: 18, date: true },
      { header: 'Người thực hiện', width: 28 },
      { header: 'Sự kiện', width: 28 },
      { header: 'Nội dung', width: 70 },
    ],
    sheet.timeline.map((e, i) => [i + 1, excelDate(e.at), text(e.actor), text(e.kind), text(e.comment)]),
  );
  addTable(
    wb,
    CASE_SHEET_NAMES.indicators,
    [
      { header: 'STT', width: 7 },
      { header: 'Loại', width: 14 },
      { header: 'Giá trị', width: 50 },
      { header: 'Ghi chú', width: 40 },
      { header: 'Thời gian thêm', width: 18, date: true },
    ],
    sheet.indicators.map((x, i) => [i + 1, text(x.type), text(x.value), text(x.note), excelDate(x.addedAt)]),
  );
  addTable(
    wb,
    CASE_SHEET_NAMES.tasks,
    [
      { header: 'STT', width: 7 },
      { header: 'Nhiệm vụ', width: 60 },
      { header: 'Đơn vị thực hiện', width: 36 },
      { header: 'Hạn', width: 18, date: true },
      { header: 'Trạng thái', width: 20 },
    ],
    sheet.tasks.map((t, i) => [i + 1, text(t.title), text(t.orgName), excelDate(t.dueAt), text(t.status)]),
  );
  addTable(
    wb,
    CASE_SHEET_NAMES.reports,
    [
      { header: 'STT', width: 7 },
      { header: 'Loại báo cáo', width: 40 },
      { header: 'Trạng thái', width: 20 },
      { header: 'Hạn', width: 18, date: true },
      { header: 'Đã gửi lúc', width: 18, date: true },
    ],
    sheet.reports.map((r, i) => [i + 1, text(r.kind), text(r.status), excelDate(r.dueAt), excelDate(r.submittedAt)]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
