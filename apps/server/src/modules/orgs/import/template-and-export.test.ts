import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ORG_KINDS, type OrgKind } from '@khien/contracts';
import { buildOrgExport, buildOrgTemplate, ORG_KIND_LABELS, parseOrgFile, type OrgExportRow, type OrgImportRow } from './index.js';
import { buildContact, buildExportRow } from './test-support.js';

const HEADERS = [
  'ten',
  'ten_viet_tat',
  'loai',
  'ma_hanh_chinh',
  'ma_don_vi_cha',
  'duong_dan_cha',
  'lien_he_ten',
  'lien_he_chuc_vu',
  'lien_he_dien_thoai',
  'lien_he_email',
  'truc_24_7',
];

async function loadXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('buildOrgTemplate', () => {
  it.each(['csv', 'xlsx'] as const)('%s parses back with no errors: a commune and a school under it', async (format) => {
    const parsed = await parseOrgFile(await buildOrgTemplate(format), `mau.${format}`);
    expect(parsed.format).toBe(format);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.kind, r.name, r.adminCode, r.parentAdminCode])).toEqual([
      [2, 'commune', 'Xã Mường Phăng', '03325', '11'],
      [3, 'school', 'Trường THCS Mường Phăng', null, '03325'],
    ]);
    expect(parsed.rows[1]?.parentPath).toEqual(['Tỉnh Điện Biên', 'Xã Mường Phăng']);
    expect(parsed.rows[1]?.contact).toEqual({
      name: 'Lò Thị Bình',
      role: 'Hiệu trưởng',
      phone: '0987 654 321',
      email: 'thcs.muongphang@example.vn',
      hotline247: true,
    });
  });

  it('CSV: UTF-8 with BOM and exactly the Vietnamese column headers', async () => {
    const csv = await buildOrgTemplate('csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(','));
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
  });

  it('XLSX: bold frozen sized header, then a "Hướng dẫn" sheet explaining every column and kind', async () => {
    const workbook = await loadXlsx(await buildOrgTemplate('xlsx'));
    const [data, guide] = workbook.worksheets;
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Hướng dẫn']);
    const header = data!.getRow(1);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data!.getColumn(1).width).toBeGreaterThan(20);
    expect(data!.getColumn(4).numFmt).toBe('@');
    expect(data!.actualRowCount).toBe(3);

    const text: string[] = [];
    guide!.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    const all = text.join('\n');
    for (const h of HEADERS) expect(text).toContain(h);
    for (const kind of ORG_KINDS) {
      expect(text).toContain(kind);
      expect(text).toContain(ORG_KIND_LABELS[kind][0]);
    }
    for (const label of [
      'Xã',
      'Phường',
      'Đặc khu',
      'Trường học',
      'Công an',
      '"Tổ dân phố"',
      '"Thôn, bản"',
      'Doanh nghiệp viễn thông',
      'Ban Chỉ huy quân sự',
      'Cơ quan',
      '"Tỉnh"',
      '"Thành phố"',
      'Huyện',
      'Trung tâm giám sát',
      'Đội ứng cứu sự cố',
    ]) {
      expect(all).toContain(label);
    }
  });
});

const ORGS: OrgExportRow[] = [
  buildExportRow({
    name: 'Tỉnh Điện Biên',
    shortName: 'Điện Biên',
    kind: 'province',
    adminCode: '11',
    parentAdminCode: null,
    parentPath: [],
    contacts: [
      buildContact({ name: 'Trần Thị Hằng', role: 'Giám đốc Sở KH&CN', phone: '+84 215 3825 000', email: 'so.khcn@dienbien.example.vn', hotline247: true }),
    ],
  }),
  buildExportRow({
    name: 'Xã Mường Phăng',
    shortName: 'Mường Phăng',
    kind: 'commune',
    adminCode: '03325',
    parentAdminCode: '11',
    parentPath: ['Tỉnh Điện Biên'],
    contacts: [
      buildContact({ name: 'Lò Văn Ước', role: 'Chủ tịch UBND xã', phone: '0912 345 678', email: null }),
      buildContact({ name: 'Quàng Thị Ngọc Ánh', role: '=Công chức văn phòng', phone: null, email: 'anh.qtn@example.vn', hotline247: true }),
      buildContact({ name: 'Vì Văn Dũng' }),
    ],
  }),
  buildExportRow({
    name: 'Phường Mường Lay',
    shortName: '',
    kind: 'ward',
    adminCode: '03151',
    parentAdminCode: '11',
    parentPath: ['Tỉnh Điện Biên'],
    contacts: [],
  }),
  buildExportRow({
    name: 'Trường THCS Mường Phăng, điểm "Bản Co Mận"',
    shortName: 'THCS Mường Phăng',
    kind: 'school',
    adminCode: null,
    parentAdminCode: '03325',
    parentPath: ['Tỉnh Điện Biên', 'Xã Mường Phăng'],
    contacts: [buildContact({ name: 'Lường Thị Thoả', role: 'Hiệu trưởng; Bí thư chi bộ', phone: '(0215) 3.822.111', email: 'thoa@example.edu.vn' })],
  }),
  buildExportRow({
    name: 'Đặc khu Cồn Cỏ',
    shortName: 'Cồn Cỏ',
    kind: 'special_zone',
    adminCode: '19995',
    parentAdminCode: '44',
    parentPath: ['Tỉnh Quảng Trị'],
    contacts: [],
  }),
  ...ORG_KINDS.filter((k) => !['province', 'commune', 'ward', 'school', 'special_zone'].includes(k)).map((kind: OrgKind, i) =>
    buildExportRow({
      name: `Đơn vị ${kind} số ${i}`,
      shortName: `ĐV ${i}`,
      kind,
      adminCode: `X-${String(i).padStart(3, '0')}`,
      parentAdminCode: '03325',
      parentPath: ['Tỉnh Điện Biên', 'Xã Mường Phăng'],
      contacts: [buildContact({ phone: '0000' })],
    }),
  ),
];

/** What a faithful parse of ORGS must give: one row per contact, or one row without contact. */
function expectedRows(orgs: OrgExportRow[]): Omit<OrgImportRow, 'row'>[] {
  return orgs.flatMap((o): Omit<OrgImportRow, 'row'>[] => {
    const org = {
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      adminCode: o.adminCode,
      parentAdminCode: o.parentAdminCode,
      parentPath: o.parentPath.length > 0 ? o.parentPath : null,
    };
    if (o.contacts.length === 0) return [{ ...org, contact: null }];
    return o.contacts.map(({ id: _id, ...contact }) => ({ ...org, contact }));
  });
}

describe('buildOrgExport → parseOrgFile round trip', () => {
  it.each(['csv', 'xlsx'] as const)('%s preserves every field, diacritics and leading zeros', async (format) => {
    const parsed = await parseOrgFile(await buildOrgExport(ORGS, format), `xuat.${format}`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(({ row: _row, ...rest }) => rest)).toEqual(expectedRows(ORGS));
    expect(parsed.rows.map((r) => r.row)).toEqual(parsed.rows.map((_, i) => i + 2));
  });

  it('CSV escapes formula-like cells for spreadsheets and keeps phone numbers as they are', async () => {
    const csv = (await buildOrgExport(ORGS, 'csv')).toString('utf8');
    expect(csv).toContain(`'=Công chức văn phòng`);
    expect(csv).toContain(',+84 215 3825 000,');
  });

  it('XLSX writes codes and phones as text cells, so Excel keeps their leading zeros', async () => {
    const workbook = await loadXlsx(await buildOrgExport(ORGS, 'xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).getCell(4).value).toBe('03325');
    expect(sheet.getRow(3).getCell(9).value).toBe('0912 345 678');
    expect(sheet.getRow(3).getCell(3).value).toBe('Xã');
  });

  it('an empty export is a header-only file that parses to nothing', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const parsed = await parseOrgFile(await buildOrgExport([], format), `x.${format}`);
      expect(parsed).toEqual({ format, rows: [], errors: [] });
    }
  });
});
