import { describe, expect, it } from 'vitest';
import { parseOrgFile, type ParsedOrgFile } from './index.js';
import { csvText, xlsxFromValues } from './test-support.js';

const parseCsv = (rows: string[][], delimiter = ','): Promise<ParsedOrgFile> => parseOrgFile(Buffer.from(csvText(rows, delimiter), 'utf8'), 'don-vi.csv');
const fieldsOf = (parsed: ParsedOrgFile) => parsed.errors.map((e) => [e.row, e.field]);

describe('per-row validation', () => {
  const table = [
    ['ten', 'loai', 'ma_hanh_chinh', 'lien_he_ten', 'lien_he_dien_thoai', 'lien_he_email', 'ghi_chu', 'Ngày tạo'],
    ['Xã Mường Phăng', 'Xã', '03325', 'Lò Văn A', '0912 345 678', '', 'tốt', ''], // 2 ok
    ['Trường THCS Mường Phăng', 'Trường', '', '', '', '', '', ''], // 3 bad kind
    ['', 'Xã', '03326', '', '', '', '', ''], // 4 no name
    ['Xã Nà Tấu', 'Xã', '03327', 'Lò Thị B', 'abc', '', '', ''], // 5 bad phone
    ['Xã Nà Nhạn', 'Xã', '03328', 'Quàng Văn C', '', 'x@', '', ''], // 6 bad email
    ['Xã Pá Khoang', 'xa', '03325', '', '', '', '', ''], // 7 duplicate code of row 2, another org
    ['Phường Him Lam', 'phuong', '03330', '', '', '', '', ''], // 8 ok
    ['', '', '', '', '', '', '', ''], // 9 empty: skipped silently
    ['Xã Thanh Nưa', 'Trường', '03331', '', '09', 'y@', '', ''], // 10 four problems at once
  ];

  it('reports each bad row with its row number and field, and lets the good rows through', async () => {
    const parsed = await parseCsv(table);
    expect(parsed.rows.map((r) => [r.row, r.name])).toEqual([
      [2, 'Xã Mường Phăng'],
      [8, 'Phường Him Lam'],
    ]);
    expect(fieldsOf(parsed)).toEqual([
      [1, 'ghi_chu'],
      [1, 'Ngày tạo'],
      [3, 'kind'],
      [4, 'name'],
      [5, 'contact_phone'],
      [6, 'contact_email'],
      [7, 'admin_code'],
      [10, 'kind'],
      [10, 'contact_name'],
      [10, 'contact_phone'],
      [10, 'contact_email'],
    ]);
  });

  it('names every bad cell of a row, the codes too', async () => {
    const parsed = await parseCsv([
      ['ten', 'loai', 'ma_hanh_chinh', 'lien_he_ten', 'lien_he_email'],
      ['Xã Thanh Xương', 'Trường', 'mã/sai', 'Lò Văn D', 'khong-phai-email'],
    ]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => [e.field, e.code])).toEqual([
      ['kind', 'kind_unknown'],
      ['admin_code', 'code_invalid'],
      ['contact_email', 'email_invalid'],
    ]);
    expect(parsed.errors.map((e) => e.text.en)).toEqual([
      expect.stringMatching(/^Org kind "Trường" is not known/),
      expect.stringMatching(/^Admin code "mã\/sai" is not valid/),
      'E-mail "khong-phai-email" is not a valid address',
    ]);
  });

  it('says what is wrong in Vietnamese, naming the field and the value', async () => {
    const messages = (await parseCsv(table)).errors.map((e) => e.text.vi);
    expect(messages[0]).toMatch(/^Cột "ghi_chu" không được hỗ trợ/);
    expect(messages[2]).toMatch(/^Loại đơn vị "Trường" không hợp lệ/);
    expect(messages[3]).toBe('Thiếu tên đơn vị');
    expect(messages[4]).toBe('Số điện thoại "abc" không hợp lệ');
    expect(messages[5]).toBe('Email "x@" không hợp lệ');
    expect(messages[6]).toBe('Mã hành chính "03325" bị trùng với dòng 2 (đơn vị "Xã Mường Phăng")');
  });

  it('takes several rows of one org as several contacts, inheriting blank org cells from the first', async () => {
    const parsed = await parseCsv([
      ['ten', 'ten_viet_tat', 'loai', 'ma_hanh_chinh', 'ma_don_vi_cha', 'lien_he_ten', 'truc_24_7'],
      ['Xã Mường Phăng', 'Mường Phăng', 'Xã', '03325', '11', 'Lò Văn A', 'có'],
      ['Xã Mường Phăng', '', '', '03325', '', 'Lò Thị B', 'không'],
      ['Trường Mầm non Hoa Ban', 'MN Hoa Ban', 'Trường học', '', '03325', 'Cà Văn C', ''],
      ['trường mầm non hoa ban', '', '', '', '03325', 'Cà Thị D', ''],
      ['Trường Mầm non Hoa Ban', '', 'Cơ quan', '', '03325', 'Cà Thị E', ''],
    ]);
    expect(parsed.rows.map((r) => [r.row, r.name, r.shortName, r.kind, r.adminCode, r.parentAdminCode, r.contact?.name])).toEqual([
      [2, 'Xã Mường Phăng', 'Mường Phăng', 'commune', '03325', '11', 'Lò Văn A'],
      [3, 'Xã Mường Phăng', 'Mường Phăng', 'commune', '03325', '11', 'Lò Thị B'],
      [4, 'Trường Mầm non Hoa Ban', 'MN Hoa Ban', 'school', null, '03325', 'Cà Văn C'],
      [5, 'Trường Mầm non Hoa Ban', 'MN Hoa Ban', 'school', null, '03325', 'Cà Thị D'],
    ]);
    expect(fieldsOf(parsed)).toEqual([[6, 'name']]);
    expect(parsed.errors[0]?.text.vi).toMatch(/bị trùng với dòng 4/);
  });

  it('takes a blank kind from an earlier row of the same org before guessing from the name', async () => {
    const parsed = await parseCsv([
      ['ten', 'loai', 'ma_hanh_chinh', 'lien_he_ten'],
      ['Trường Chính trị tỉnh', 'Cơ quan', 'TCT', 'A'],
      ['Trường Chính trị tỉnh', '', 'TCT', 'B'],
      ['Trường Chính trị tỉnh', '', '', 'C'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.kind, r.adminCode, r.contact?.name])).toEqual([
      ['agency', 'TCT', 'A'],
      ['agency', 'TCT', 'B'],
      ['agency', 'TCT', 'C'],
    ]);
  });

  it('accepts English and Vietnamese headers in any order and case, with or without diacritics', async () => {
    const parsed = await parseCsv([
      [
        'Truc 24/7',
        'KIND',
        'Tên viết tắt',
        'Name',
        'Parent_Path',
        'Liên hệ - Tên',
        'contact_role',
        'Lien he dien thoai',
        'CONTACT_EMAIL',
        'mã hành chính',
        'parent admin code',
      ],
      [
        'yes',
        'special_zone',
        'Côn Đảo',
        'Đặc khu Côn Đảo',
        'Thành phố Hồ Chí Minh > Đặc khu Côn Đảo',
        'Trần Văn D',
        'Chánh Văn phòng',
        '+84 254 3830 000',
        'vp@example.vn',
        '26xxx',
        '79',
      ],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toEqual({
      row: 2,
      name: 'Đặc khu Côn Đảo',
      shortName: 'Côn Đảo',
      kind: 'special_zone',
      adminCode: '26xxx',
      parentAdminCode: '79',
      parentPath: ['Thành phố Hồ Chí Minh', 'Đặc khu Côn Đảo'],
      contact: { name: 'Trần Văn D', role: 'Chánh Văn phòng', phone: '+84 254 3830 000', email: 'vp@example.vn', hotline247: true },
    });
  });

  it.each([
    ['Xã', 'commune'],
    ['PHƯỜNG', 'ward'],
    ['dac khu', 'special_zone'],
    ['Trường học', 'school'],
    ['Công an', 'police'],
    ['Tổ dân phố', 'residential_group'],
    ['Thôn, bản', 'residential_group'],
    ['thon/ban', 'residential_group'],
    ['Doanh nghiệp viễn thông', 'telecom'],
    ['Ban Chỉ huy quân sự', 'military_command'],
    ['Cơ quan', 'agency'],
    ['Tỉnh', 'province'],
    ['Thành phố', 'province'],
    ['Huyện', 'district'],
    ['Trung tâm giám sát', 'monitoring_centre'],
    ['Đội ứng cứu sự cố', 'incident_response_team'],
    ['incident_response_team', 'incident_response_team'],
    ['Military-Command', 'military_command'],
    ['Khác', 'other'],
  ])('kind "%s" → %s', async (label, kind) => {
    const parsed = await parseCsv([
      ['ten', 'loai'],
      ['Đơn vị thử', label],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.kind).toBe(kind);
  });

  it('infers a blank kind from the name, and reports it when the name says nothing', async () => {
    const parsed = await parseCsv([
      ['ten', 'loai'],
      ['Phường Ba Đình', ''],
      ['Trường THPT Chu Văn An', ''],
      ['Thành phố Hà Nội', ''],
      ['Văn phòng UBND', ''],
    ]);
    expect(parsed.rows.map((r) => r.kind)).toEqual(['ward', 'school', 'province']);
    expect(parsed.errors).toEqual([
      {
        row: 5,
        field: 'kind',
        code: 'kind_missing',
        text: {
          vi: 'Thiếu loại đơn vị (cột loai) và không đoán được từ tên "Văn phòng UBND"',
          en: 'The org kind (column loai) is missing and cannot be told from the name "Văn phòng UBND"',
        },
      },
    ]);
  });

  it.each([
    ['có', true],
    ['Không', false],
    ['x', true],
    ['X', true],
    ['yes', true],
    ['NO', false],
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['', false],
  ])('truc_24_7 "%s" → %s', async (value, hotline) => {
    const parsed = await parseCsv([
      ['ten', 'loai', 'lien_he_ten', 'truc_24_7'],
      ['Xã A', 'Xã', 'Người A', value],
    ]);
    expect(parsed.rows[0]?.contact?.hotline247).toBe(hotline);
  });

  it('rejects an unknown 24/7 value and a contact without a name', async () => {
    const parsed = await parseCsv([
      ['ten', 'loai', 'lien_he_ten', 'lien_he_dien_thoai', 'truc_24_7'],
      ['Xã A', 'Xã', 'Người A', '', 'thỉnh thoảng'],
      ['Xã B', 'Xã', '', '0912345678', ''],
      ['Xã C', 'Xã', '', '', 'không'],
    ]);
    expect(fieldsOf(parsed)).toEqual([
      [2, 'hotline_24_7'],
      [3, 'contact_name'],
    ]);
    expect(parsed.rows).toEqual([expect.objectContaining({ row: 4, name: 'Xã C', contact: null })]);
  });

  it('trims, turns NBSP into spaces, NFC-normalises and drops control characters', async () => {
    const parsed = await parseCsv([
      ['ten', 'ten_viet_tat', 'loai', 'duong_dan_cha'],
      ['\u00a0 Xa\u0303 Mu\u031bo\u031b\u0300ng\u00a0Phăng\u200b ', ' Mường\u00a0Phăng ', ' Xã ', ' Tỉnh Điện Biên /  '],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ name: 'Xã Mường Phăng', shortName: 'Mường Phăng', kind: 'commune', parentPath: ['Tỉnh Điện Biên'] });
  });

  it('bounds every field', async () => {
    const parsed = await parseCsv([
      ['ten', 'ten_viet_tat', 'loai', 'ma_hanh_chinh', 'lien_he_ten', 'lien_he_chuc_vu', 'lien_he_dien_thoai'],
      ['A'.repeat(256), '', 'Xã', '', '', '', ''],
      ['Xã B', 'B'.repeat(65), 'Xã', '', '', '', ''],
      ['Xã C', '', 'Xã', '1'.repeat(33), '', '', ''],
      ['Xã D', '', 'Xã', 'mã có dấu', '', '', ''],
      ['Xã E', '', 'Xã', '', 'N'.repeat(256), 'R'.repeat(256), '1'.repeat(33)],
      ['X'.repeat(255), 'S'.repeat(64), 'Xã', 'C'.repeat(32), 'N'.repeat(255), 'R'.repeat(255), '1'.repeat(32)],
    ]);
    expect(fieldsOf(parsed)).toEqual([
      [2, 'name'],
      [3, 'short_name'],
      [4, 'admin_code'],
      [5, 'admin_code'],
      [6, 'contact_name'],
      [6, 'contact_role'],
      [6, 'contact_phone'],
    ]);
    expect(parsed.errors[0]?.text.vi).toMatch(/^Tên đơn vị dài quá 255 ký tự \(đang có 256\)/);
    expect(parsed.rows.map((r) => r.row)).toEqual([7]);
  });

  it('reports a missing name column once on the header and returns no rows', async () => {
    const parsed = await parseCsv([
      ['loai', 'ma_hanh_chinh'],
      ['Xã', '03325'],
    ]);
    expect(parsed.rows).toEqual([]);
    expect(fieldsOf(parsed)).toEqual([[1, 'name']]);
  });

  it('reports a repeated column and reads the first one', async () => {
    const parsed = await parseCsv([
      ['ten', 'loai', 'name'],
      ['Xã A', 'Xã', 'Xã B'],
    ]);
    expect(fieldsOf(parsed)).toEqual([[1, 'name']]);
    expect(parsed.rows[0]?.name).toBe('Xã A');
  });

  it('rejects an org that names itself as its parent', async () => {
    const parsed = await parseCsv([
      ['ten', 'loai', 'ma_hanh_chinh', 'ma_don_vi_cha'],
      ['Xã A', 'Xã', '03325', '03325'],
    ]);
    expect(fieldsOf(parsed)).toEqual([[2, 'parent_admin_code']]);
  });

  it('restores leading zeros a spreadsheet dropped from administrative codes saved as CSV', async () => {
    const parsed = await parseCsv([
      ['ten', 'loai', 'ma_hanh_chinh', 'ma_don_vi_cha'],
      ['Tỉnh Điện Biên', 'Tỉnh', '11', ''],
      ['Thành phố Hà Nội', 'Thành phố', '1', ''],
      ['Phường Ba Đình', 'Phường', '4', '1'],
      ['Trường A', 'Trường học', '123', '4'],
      ['Trường B', 'Trường học', '', '77'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.adminCode, r.parentAdminCode])).toEqual([
      ['11', null],
      ['01', null],
      ['00004', '01'],
      ['123', '00004'],
      [null, '77'],
    ]);
  });

  it('validates XLSX rows the same way, reporting spreadsheet error values', async () => {
    const data = await xlsxFromValues([
      ['ten', 'loai', 'lien_he_ten', 'lien_he_email'],
      ['Xã A', 'Xã', 'Người A', { error: '#N/A' } as never],
      ['Xã B', { formula: 'UPPER("xã")', result: 'XÃ' } as never, 'Người B', 'b@example.vn'],
    ]);
    const parsed = await parseOrgFile(data, 'a.xlsx');
    expect(parsed.errors).toEqual([
      {
        row: 2,
        field: 'contact_email',
        code: 'formula_error',
        text: { vi: 'Ô email có lỗi công thức (#N/A)', en: 'The e-mail cell holds a formula error (#N/A)' },
      },
    ]);
    expect(parsed.rows.map((r) => [r.row, r.kind])).toEqual([[3, 'commune']]);
  });
});
