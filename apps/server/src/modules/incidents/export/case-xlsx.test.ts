import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildIncidentCaseXlsx, CASE_SHEET_NAMES } from './index.js';
import { buildCaseSheet } from './test-fixtures.js';
import type { IncidentCaseSheet } from './types.js';

async function readBack(s: IncidentCaseSheet): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildIncidentCaseXlsx(s)) as unknown as ExcelJS.Buffer);
  return wb;
}

const values = (row: ExcelJS.Row): unknown[] => (row.values as unknown[]).slice(1);
/** The wall-clock time an Excel date shows (Excel dates carry no zone; exceljs reads them back as UTC). */
const shown = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 16) : String(v));

describe('buildIncidentCaseXlsx', () => {
  it('has the five sheets, in order, each with a bold, frozen, filtered header', async () => {
    const wb = await readBack(buildCaseSheet());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tóm tắt', 'Dòng thời gian', 'Chỉ báo', 'Nhiệm vụ', 'Báo cáo']);
    for (const [name, header] of [
      [CASE_SHEET_NAMES.summary, ['Thông tin', 'Nội dung']],
      [CASE_SHEET_NAMES.timeline, ['STT', 'Thời gian', 'Người thực hiện', 'Sự kiện', 'Nội dung']],
      [CASE_SHEET_NAMES.indicators, ['STT', 'Loại', 'Giá trị', 'Ghi chú', 'Thời gian thêm']],
      [CASE_SHEET_NAMES.tasks, ['STT', 'Nhiệm vụ', 'Đơn vị thực hiện', 'Hạn', 'Trạng thái']],
      [CASE_SHEET_NAMES.reports, ['STT', 'Loại báo cáo', 'Trạng thái', 'Hạn', 'Đã gửi lúc']],
    ] as const) {
      const ws = wb.getWorksheet(name)!;
      expect(values(ws.getRow(1)), name).toEqual(header);
      expect(ws.getRow(1).getCell(1).font?.bold, name).toBe(true);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, name).toBeTruthy();
      expect(ws.getColumn(2).width, name).toBeGreaterThan(10);
    }
  });

  it('writes the case, its systems and one row per event, indicator, task and report, times in Vietnam time', async () => {
    const wb = await readBack(buildCaseSheet());
    const summary = wb.getWorksheet(CASE_SHEET_NAMES.summary)!;
    expect(values(summary.getRow(2))).toEqual(['Mã sự cố', 'SC-2026-0042']);
    expect(summary.getCell('B3').value).toBe('Cổng thông tin điện tử phường bị thay đổi giao diện');
    expect(summary.getCell('A8').value).toBe('Thời điểm phát hiện');
    expect(shown(summary.getCell('B8').value)).toBe('2026-03-20T14:30');
    expect(summary.getCell('B8').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(values(summary.getRow(12))).toEqual(['Hệ thống bị ảnh hưởng', 'Cấp độ']);
    expect(values(summary.getRow(13))).toEqual(['Cổng thông tin điện tử phường', 2]);
    expect(values(summary.getRow(14))).toEqual(['Hệ thống thư điện tử công vụ']);

    const timeline = wb.getWorksheet(CASE_SHEET_NAMES.timeline)!;
    expect(timeline.actualRowCount).toBe(1 + 3);
    const first = values(timeline.getRow(2));
    expect([first[0], shown(first[1]), ...first.slice(2)]).toEqual([1, '2026-03-20T14:30', 'Nguyễn Thị Hương', 'Mở hồ sơ', 'Phát hiện trang chủ bị thay đổi.']);
    expect(timeline.getCell('B2').numFmt).toBe('dd/mm/yyyy hh:mm');

    expect(values(wb.getWorksheet(CASE_SHEET_NAMES.indicators)!.getRow(2)).slice(0, 4)).toEqual([1, 'IPv4', '203.0.113.7', 'Địa chỉ tấn công']);
    const task = values(wb.getWorksheet(CASE_SHEET_NAMES.tasks)!.getRow(2));
    expect([task[0], task[1], task[2], shown(task[3]), task[4]]).toEqual([
      1,
      'Khôi phục giao diện từ bản sao lưu',
      'Trung tâm Chuyển đổi số tỉnh',
      '2026-03-21T17:00',
      'Đang thực hiện',
    ]);
    const reports = wb.getWorksheet(CASE_SHEET_NAMES.reports)!;
    expect(reports.actualRowCount).toBe(1 + 2);
    expect(values(reports.getRow(3))).toEqual([2, 'Báo cáo kết thúc', 'Bản nháp']);
  });

  it('keeps text that looks like a formula as text, and Vietnamese in NFC', async () => {
    const s = buildCaseSheet();
    s.indicators[0]!.value = '=HYPERLINK("http://example.invalid","x")';
    s.indicators[1]!.value = "+cmd|' /C calc'!A0";
    s.timeline[0]!.actor = 'Nguyễn Thị Hương'.normalize('NFD');
    const wb = await readBack(s);
    const ws = wb.getWorksheet(CASE_SHEET_NAMES.indicators)!;
    for (const [ref, value] of [
      ['C2', '=HYPERLINK("http://example.invalid","x")'],
      ['C3', "+cmd|' /C calc'!A0"],
    ] as const) {
      expect(ws.getCell(ref).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(ref).value).toBe(value);
    }
    expect(wb.getWorksheet(CASE_SHEET_NAMES.timeline)!.getCell('C2').value).toBe('Nguyễn Thị Hương');
  });

  it('bounds a 100,000-character comment to what a cell holds', async () => {
    const s = buildCaseSheet();
    s.timeline[0]!.comment = 'Nội dung rất dài. '.repeat(6_000);
    const value = String((await readBack(s)).getWorksheet(CASE_SHEET_NAMES.timeline)!.getCell('E2').value);
    expect(value.length).toBeLessThanOrEqual(32_000);
    expect(value.endsWith('…')).toBe(true);
  });
});
