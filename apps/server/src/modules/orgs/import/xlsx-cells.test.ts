import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseOrgFile } from './index.js';
import { toRawCell } from './read-xlsx.js';
import { xlsxFromValues } from './test-support.js';

describe('XLSX cells', () => {
  it('turns a number-typed admin code 4 back into "00004" (and 1 for a province into "01")', async () => {
    const data = await xlsxFromValues([
      ['ten', 'loai', 'ma_hanh_chinh', 'ma_don_vi_cha'],
      ['Thành phố Hà Nội', 'Thành phố', 1, null],
      ['Phường Ba Đình', 'Phường', 4, 1],
      ['Trường THCS Ba Đình', 'Trường học', 123, 4],
      ['Tỉnh Điện Biên', 'Tỉnh', 11, null],
      ['Xã Mường Phăng', 'Xã', 3325, 11],
      ['Tổ dân phố 1', 'Tổ dân phố', null, 3325],
      ['Huyện cũ', 'Huyện', 94, 11],
      ['Xã thuộc huyện cũ', 'Xã', '03400', 94],
    ]);
    const parsed = await parseOrgFile(data, 'don-vi.xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.adminCode, r.parentAdminCode])).toEqual([
      [2, '01', null],
      [3, '00004', '01'],
      [4, '00123', '00004'],
      [5, '11', null],
      [6, '03325', '11'],
      [7, null, '03325'],
      [8, '094', '11'],
      [9, '03400', '094'],
    ]);
  });

  it('keeps text codes as typed, and gives a number-typed mobile or landline its leading 0 back', async () => {
    const data = await xlsxFromValues([
      ['ten', 'loai', 'ma_hanh_chinh', 'lien_he_ten', 'lien_he_dien_thoai'],
      ['Phường Ba Đình', 'Phường', '00004', 'A', 912345678],
      ['Phường Ngọc Hà', 'Phường', '00008', 'B', 2438251234],
      ['Công an phường Ngọc Hà', 'Công an', 'CA-00008', 'C', 113],
      ['Đội ứng cứu', 'Đội ứng cứu sự cố', 'DUC-1', 'D', 19001234],
    ]);
    const parsed = await parseOrgFile(data, 'don-vi.xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.adminCode, r.contact?.phone])).toEqual([
      ['00004', '0912345678'],
      ['00008', '02438251234'],
      ['CA-00008', '113'],
      ['DUC-1', '19001234'],
    ]);
  });

  it('uses formula results, the plain text of rich text and hyperlinks, and booleans for 24/7', async () => {
    const data = await xlsxFromValues([
      ['ten', 'ten_viet_tat', 'loai', 'lien_he_ten', 'lien_he_email', 'truc_24_7'],
      [
        { richText: [{ text: 'Xã ', font: { bold: true } }, { text: 'Mường Phăng' }] },
        { formula: 'MID(A2,4,20)', result: 'Mường Phăng' },
        'Xã',
        { formula: 'PROPER("lò văn a")', result: 'Lò Văn A' },
        { text: 'a@example.vn', hyperlink: 'mailto:a@example.vn' },
        true,
      ] as ExcelJS.CellValue[],
    ]);
    const parsed = await parseOrgFile(data, 'don-vi.xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      name: 'Xã Mường Phăng',
      shortName: 'Mường Phăng',
      kind: 'commune',
      contact: { name: 'Lò Văn A', email: 'a@example.vn', hotline247: true },
    });
  });

  it('converts every kind of cell value to text', () => {
    expect(toRawCell(null)).toEqual({ text: '', numeric: false, error: null });
    expect(toRawCell(4)).toEqual({ text: '4', numeric: true, error: null });
    expect(toRawCell(84912345678)).toEqual({ text: '84912345678', numeric: true, error: null });
    expect(toRawCell(0.1 + 0.2)).toMatchObject({ text: '0.3' });
    expect(toRawCell(new Date('2026-07-01T00:00:00Z'))).toMatchObject({ text: '2026-07-01' });
    expect(toRawCell({ error: '#REF!' } as ExcelJS.CellErrorValue)).toEqual({ text: '', numeric: false, error: '#REF!' });
    expect(toRawCell({ formula: 'A1', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue)).toMatchObject({ error: '#DIV/0!' });
    expect(toRawCell({ formula: 'A1' } as ExcelJS.CellFormulaValue)).toMatchObject({ text: '' });
    expect(toRawCell({ sharedFormula: 'A1', result: 7 } as ExcelJS.CellSharedFormulaValue)).toMatchObject({ text: '7', numeric: true });
    expect(
      toRawCell({ text: { richText: [{ text: 'Trang ' }, { text: 'chủ' }] }, hyperlink: 'https://example.vn' } as unknown as ExcelJS.CellHyperlinkValue),
    ).toMatchObject({ text: 'Trang chủ' });
    expect(toRawCell(' Xa\u0303\u00a0A ')).toMatchObject({ text: 'Xã A' });
  });

  it('reads the first sheet that is not "Hướng dẫn", numbering rows as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hướng dẫn').addRow(['Đọc kỹ trước khi điền']);
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow([]);
    sheet.addRow(['TÊN', 'LOẠI']);
    sheet.addRow(['Xã A', 'Xã']);
    sheet.addRow([]);
    sheet.addRow(['Xã B', 'Xã']);
    const parsed = await parseOrgFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'x.xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.name])).toEqual([
      [3, 'Xã A'],
      [5, 'Xã B'],
    ]);
  });

  it('detects XLSX by content whatever the file is called', async () => {
    const data = await xlsxFromValues([
      ['ten', 'loai'],
      ['Xã A', 'Xã'],
    ]);
    for (const name of ['don-vi.csv', 'don-vi', 'don-vi.json']) expect((await parseOrgFile(data, name)).format).toBe('xlsx');
  });
});
