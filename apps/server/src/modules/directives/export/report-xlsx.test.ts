import ExcelJS from 'exceljs';
import { describe, it, expect } from 'vitest';
import { buildReportXlsx, SHEET_NAMES } from './index.js';
import { buildMuongLayReport } from './test-fixtures.js';
import { readZipPart } from './test-render.js';
import type { ReportDoc } from './types.js';

async function readBack(r: ReportDoc): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildReportXlsx(r)) as unknown as ExcelJS.Buffer);
  return wb;
}

const values = (row: ExcelJS.Row): unknown[] => (row.values as unknown[]).slice(1);

describe('buildReportXlsx', () => {
  it('has the three sheets, in order, with bold frozen Vietnamese headers and filters', async () => {
    const wb = await readBack(buildMuongLayReport());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Chưa xác nhận']);
    for (const [name, headerRow, header] of [
      [SHEET_NAMES.perRecipient, 1, ['STT', 'Đơn vị', 'Trạng thái đơn vị', 'Nhiệm vụ', 'Trạng thái nhiệm vụ', 'Kết quả báo cáo']],
      [SHEET_NAMES.notAcknowledged, 1, ['STT', 'Đơn vị']],
      [
        SHEET_NAMES.summary,
        15,
        ['Địa bàn, nhóm đơn vị', 'Số đơn vị', 'Được chấp nhận', 'Quá hạn', 'Nhiệm vụ hoàn thành', 'Tổng số nhiệm vụ', 'Tỷ lệ hoàn thành (%)'],
      ],
    ] as const) {
      const ws = wb.getWorksheet(name)!;
      expect(values(ws.getRow(headerRow)), name).toEqual(header);
      expect(ws.getRow(headerRow).getCell(1).font?.bold, name).toBe(true);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: headerRow });
      expect(ws.autoFilter, name).toBeTruthy();
      expect(ws.getColumn(2).width, name).toBeGreaterThan(10);
    }
  });

  it('sums up the figures and the groups on "Tổng hợp"', async () => {
    const ws = (await readBack(buildMuongLayReport())).getWorksheet(SHEET_NAMES.summary)!;
    expect(String(ws.getCell('A1').value)).toBe(
      'Kết quả thực hiện Công văn số 1082/UBND-CA ngày 05/3/2026 của UBND phường Mường Lay về triển khai thực hiện văn bản của Công an tỉnh về thông báo nguy cơ mất an toàn, an ninh mạng năm 2026',
    );
    expect(ws.getCell('A2').value).toBe('Số liệu tổng hợp đến 14:30 ngày 20/3/2026');
    expect(values(ws.getRow(5))).toEqual(['Số đơn vị nhận Công văn', 8]);
    expect(values(ws.getRow(16))).toEqual(['Cơ quan, trường học', 3, 0, 1, 3, 9, 33.3]);
    expect(values(ws.getRow(19))).toEqual(['Tổng cộng', 8, 2, 2, 12, 24, 50]);
  });

  it('has one row per recipient × task on "Theo đơn vị" and the unacknowledged on "Chưa xác nhận"', async () => {
    const r = buildMuongLayReport();
    const wb = await readBack(r);
    const ws = wb.getWorksheet(SHEET_NAMES.perRecipient)!;
    expect(ws.actualRowCount).toBe(1 + 8 * 3);
    expect(values(ws.getRow(2))).toEqual([1, 'Trường THCS Sông Đà', 'Quá hạn', 'Quán triệt, tuyên truyền nội dung văn bản', 'Chưa thực hiện']);
    expect(values(ws.getRow(6))).toEqual([2, 'Trường Tiểu học Lay Nưa', 'Đã gửi báo cáo', 'Thay đổi mật khẩu thư điện tử công vụ', 'Chưa thực hiện']);
    expect(ws.getCell('F5').value).toBe('Đã quán triệt, tuyên truyền nội dung văn bản cho toàn thể cán bộ, ngày 10/3/2026.');
    expect(values(wb.getWorksheet(SHEET_NAMES.notAcknowledged)!.getRow(2))).toEqual([1, 'Bản Hồ Chim']);
  });

  it('keeps text that looks like a formula as text, and Vietnamese in NFC', async () => {
    const r = buildMuongLayReport();
    r.perRecipient[0]!.orgName = '=HYPERLINK("http://example.invalid","x")';
    r.perRecipient[1]!.orgName = 'Trường Tiểu học Lay Nưa'.normalize('NFD');
    const ws = (await readBack(r)).getWorksheet(SHEET_NAMES.perRecipient)!;
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(ws.getCell('B5').value).toBe('Trường Tiểu học Lay Nưa');
  });

  it('writes 10,000 recipients × 3 tasks', async () => {
    // counted in the sheet's XML: loading 30,000 rows back into exceljs would take most of the test's time
    const sheet = await readZipPart(await buildReportXlsx(buildMuongLayReport({}, 10_000)), 'xl/worksheets/sheet2.xml');
    expect([...sheet.matchAll(/<row /g)]).toHaveLength(1 + 30_000);
    expect(sheet).toContain('<row r="30001"');
    expect(sheet).toContain('Đơn vị số 10000');
  });
});
