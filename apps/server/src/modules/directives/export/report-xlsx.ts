import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatShortDate, toVietnamTime } from './date-line.js';
import { cleanLine, cleanText } from './text.js';
import { LIMITS, type ReportDoc } from './types.js';

export const SHEET_NAMES = { summary: 'Tổng hợp', perRecipient: 'Theo đơn vị', notAcknowledged: 'Chưa xác nhận' } as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

// Excel's cells hold 32,767 characters; every value goes in as a string or a number, never a formula
const cell = (value: string | null | undefined): string | null => cleanText(value, LIMITS.cell) || null;

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = HEADER_FILL;
  row.alignment = { vertical: 'middle', wrapText: true };
}

function percent(part: number, total: number): number | string {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : '';
}

function addSummarySheet(wb: Writer, r: ReportDoc): void {
  const s = r.summary;
  const figures: [string, number | string][] = [
    ['Số đơn vị nhận Công văn', s.recipients],
    ['Đã xác nhận đã nhận', s.acknowledged],
    ['Chưa xác nhận', Math.max(0, s.recipients - s.acknowledged)],
    ['Đã gửi báo cáo', s.submitted],
    ['Báo cáo được chấp nhận', s.accepted],
    ['Quá hạn báo cáo', s.overdue],
    ['Lượt nhiệm vụ đã hoàn thành', s.tasksDone],
    ['Tổng số lượt nhiệm vụ', s.tasksTotal],
    ['Tỷ lệ hoàn thành nhiệm vụ (%)', percent(s.tasksDone, s.tasksTotal)],
  ];
  // title, time, blank, figures header, figures, blank, then the table by group whose header stays in view
  const groupHeaderRow = 4 + figures.length + 2;
  const ws: Sheet = wb.addWorksheet(SHEET_NAMES.summary, { views: [{ state: 'frozen', ySplit: groupHeaderRow }] });
  ws.columns = [{ width: 44 }, { width: 14 }, { width: 16 }, { width: 12 }, { width: 18 }, { width: 18 }, { width: 16 }];
  const { date, time } = toVietnamTime(r.generatedAt);
  ws.addRow([cell(`Kết quả thực hiện ${cleanLine(r.directiveRef, 1_000)}`)]).font = { bold: true, size: 13 };
  ws.addRow([`Số liệu tổng hợp đến ${time} ngày ${formatShortDate(date)}`]).font = { italic: true };
  ws.addRow([]);
  styleHeader(ws.addRow(['Chỉ tiêu', 'Số lượng']));
  for (const f of figures) ws.addRow(f);
  ws.addRow([]);
  styleHeader(ws.addRow(['Địa bàn, nhóm đơn vị', 'Số đơn vị', 'Được chấp nhận', 'Quá hạn', 'Nhiệm vụ hoàn thành', 'Tổng số nhiệm vụ', 'Tỷ lệ hoàn thành (%)']));
  for (const g of r.byGroup.slice(0, LIMITS.sheetRows)) {
    ws.addRow([cell(g.label), g.recipients, g.accepted, g.overdue, g.tasksDone, g.tasksTotal, percent(g.tasksDone, g.tasksTotal)]);
  }
  ws.addRow(['Tổng cộng', s.recipients, s.accepted, s.overdue, s.tasksDone, s.tasksTotal, percent(s.tasksDone, s.tasksTotal)]).font = { bold: true };
  ws.autoFilter = { from: { row: groupHeaderRow, column: 1 }, to: { row: groupHeaderRow, column: 7 } };
  ws.commit();
}

function addPerRecipientSheet(wb: Writer, r: ReportDoc): void {
  const ws: Sheet = wb.addWorksheet(SHEET_NAMES.perRecipient, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 7 }, { width: 40 }, { width: 20 }, { width: 50 }, { width: 18 }, { width: 70 }];
  styleHeader(ws.addRow(['STT', 'Đơn vị', 'Trạng thái đơn vị', 'Nhiệm vụ', 'Trạng thái nhiệm vụ', 'Kết quả báo cáo']));
  let rows = 0;
  let total = 0;
  for (const [i, rec] of r.perRecipient.entries()) {
    const tasks = rec.tasks.length ? rec.tasks : [{ text: '', status: '', report: '' }];
    total += tasks.length;
    for (const t of tasks) {
      if (rows >= LIMITS.sheetRows) continue;
      rows++;
      const row = ws.addRow([i + 1, cell(rec.orgName), cell(rec.status), cell(t.text), cell(t.status), cell(t.report)]);
      row.alignment = { vertical: 'top', wrapText: true };
      row.commit();
    }
  }
  if (rows < total) ws.addRow([null, `Tệp chỉ gồm ${rows} dòng đầu tiên trên tổng số ${total} dòng.`]).font = { italic: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };
  ws.commit();
}

function addNotAcknowledgedSheet(wb: Writer, r: ReportDoc): void {
  const ws: Sheet = wb.addWorksheet(SHEET_NAMES.notAcknowledged, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 7 }, { width: 60 }];
  styleHeader(ws.addRow(['STT', 'Đơn vị']));
  r.notAcknowledged.slice(0, LIMITS.sheetRows).forEach((name, i) => ws.addRow([i + 1, cell(name)]).commit());
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 2 } };
  ws.commit();
}

/**
 * The report as a workbook: "Tổng hợp" (figures and the table by group), "Theo đơn vị" (one row per
 * recipient × task), "Chưa xác nhận". Written by exceljs' streaming writer, row by row, so a directive sent to
 * every organisation of a province (tens of thousands of rows) does not hold the whole sheet in memory.
 */
export async function buildReportXlsx(r: ReportDoc): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Khiên';
  addSummarySheet(wb, r);
  addPerRecipientSheet(wb, r);
  addNotAcknowledgedSheet(wb, r);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
