import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseOrgFile } from './index.js';
import { decodeText } from '../../../platform/text-decoding.js';
import { csvText, encodeWindows1258 } from './test-support.js';

const TABLE = [
  [
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
  ],
  [
    'Phường Mường Lay',
    'Mường Lay',
    'Phường',
    '03151',
    '11',
    'Tỉnh Điện Biên',
    'Nguyễn Thị Hồng Nhung',
    'Phó Chủ tịch; phụ trách CNTT',
    '0912 345 678',
    'nhung@example.vn',
    'có',
  ],
  [
    'Trường Tiểu học Lê Quý Đôn',
    'TH Lê Quý Đôn',
    'trường học',
    '',
    '03151',
    'Tỉnh Điện Biên / Phường Mường Lay',
    'Đặng Quốc Việt',
    'Hiệu trưởng',
    '',
    '',
    'không',
  ],
  ['Công an phường Mường Lay', '', 'cong an', 'CA-03151', '03151', '', 'Lò Văn Thưởng', 'Trưởng Công an', '113', '', 'x'],
];

const EXPECTED = [
  {
    row: 2,
    name: 'Phường Mường Lay',
    shortName: 'Mường Lay',
    kind: 'ward',
    adminCode: '03151',
    parentAdminCode: '11',
    parentPath: ['Tỉnh Điện Biên'],
    contact: { name: 'Nguyễn Thị Hồng Nhung', role: 'Phó Chủ tịch; phụ trách CNTT', phone: '0912 345 678', email: 'nhung@example.vn', hotline247: true },
  },
  {
    row: 3,
    name: 'Trường Tiểu học Lê Quý Đôn',
    shortName: 'TH Lê Quý Đôn',
    kind: 'school',
    adminCode: null,
    parentAdminCode: '03151',
    parentPath: ['Tỉnh Điện Biên', 'Phường Mường Lay'],
    contact: { name: 'Đặng Quốc Việt', role: 'Hiệu trưởng', phone: null, email: null, hotline247: false },
  },
  {
    row: 4,
    name: 'Công an phường Mường Lay',
    shortName: '',
    kind: 'police',
    adminCode: 'CA-03151',
    parentAdminCode: '03151',
    parentPath: null,
    contact: { name: 'Lò Văn Thưởng', role: 'Trưởng Công an', phone: '113', email: null, hotline247: true },
  },
];

const semicolon = csvText(TABLE, ';');

describe('CSV encodings and delimiters', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(semicolon, 'utf8')])],
    ['UTF-8 without BOM', Buffer.from(semicolon, 'utf8')],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(semicolon, 'utf-16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(semicolon, 'utf-16be')])],
    ['UTF-16 LE without BOM', iconv.encode(semicolon, 'utf-16le')],
    ['Windows-1258', encodeWindows1258(semicolon)],
    ['UTF-8, decomposed (NFD) letters', Buffer.from(semicolon.normalize('NFD'), 'utf8')],
  ])('%s with ";" parses to the same rows', async (_, data) => {
    const parsed = await parseOrgFile(data, 'don-vi.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual(EXPECTED);
  });

  it('the Windows-1258 fixture really is Windows-1258: invalid UTF-8, tones as combining marks', () => {
    const bytes = encodeWindows1258('Phường Mường Lay – Đặng Quốc Việt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.includes(0xf2)).toBe(true); // U+0323 dot below, as in "ặ", "ệ"
    expect(decodeText(bytes)).toEqual({ text: 'Phường Mường Lay – Đặng Quốc Việt', encoding: 'windows-1258' });
  });

  it.each([
    ['comma', csvText(TABLE, ',')],
    ['tab', csvText(TABLE, '\t')],
    ['LF line endings', csvText(TABLE, ',', '\n')],
    ['old Mac CR line endings', csvText(TABLE, ';', '\r')],
    ['an Excel "sep=;" line', `sep=;\r\n${semicolon}`],
  ])('%s', async (name, text) => {
    const parsed = await parseOrgFile(Buffer.from(text, 'utf8'), 'don-vi.csv');
    expect(parsed.errors).toEqual([]);
    const shift = name.includes('sep=') ? 1 : 0;
    expect(parsed.rows).toEqual(EXPECTED.map((r) => ({ ...r, row: r.row + shift })));
  });

  it('numbers records by the line where they start, counting blank lines and multi-line cells', async () => {
    const text = ['ten,loai,lien_he_ten,lien_he_chuc_vu', '', 'Xã A,Xã,"Nguyễn', 'Văn A",Chủ tịch', '   ,  ', 'Xã B,,,', ''].join('\n');
    const parsed = await parseOrgFile(Buffer.from(text), 'a.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.name, r.kind, r.contact?.name ?? null])).toEqual([
      [3, 'Xã A', 'commune', 'Nguyễn Văn A'],
      [6, 'Xã B', 'commune', null],
    ]);
  });

  it('reports an unclosed quote at the line where its record starts and keeps the rows before it', async () => {
    const text = 'ten;loai\nXã A;Xã\n"Xã B;Xã\nXã C;Xã\n';
    const parsed = await parseOrgFile(Buffer.from(text), 'a.csv');
    expect(parsed.rows.map((r) => r.name)).toEqual(['Xã A']);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: 3, field: null });
    expect(parsed.errors[0]?.text.vi).toMatch(/^Lỗi cú pháp CSV ở dòng 3/);
  });
});
