import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrgImportRefusedError, parseOrgFile } from './index.js';
import { ADMIN_UNITS_PATH } from './test-support.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('admin-units JSON (the 2026 official list)', () => {
  const data = readFileSync(ADMIN_UNITS_PATH);

  it('parses to 34 provinces and 3,321 communes, wards and special zones with no errors', async () => {
    const parsed = await parseOrgFile(data, 'vn-admin-units-2026.json');
    expect(parsed.format).toBe('admin-units-json');
    expect(parsed.errors).toEqual([]);
    const count = (kind: string) => parsed.rows.filter((r) => r.kind === kind).length;
    expect(count('province')).toBe(34);
    expect(count('ward') + count('commune') + count('special_zone')).toBe(3321);
    expect(count('ward')).toBe(697);
    expect(count('special_zone')).toBe(13);
    expect(count('commune')).toBe(2611);
    expect(parsed.rows).toHaveLength(34 + 3321);
  });

  it('maps names, codes and parents as the official list has them, numbered province then its wards', async () => {
    const { rows } = await parseOrgFile(data, 'units.json');
    expect(rows[0]).toEqual({
      row: 1,
      name: 'Thành phố Hà Nội',
      shortName: 'Hà Nội',
      kind: 'province',
      adminCode: '01',
      parentAdminCode: null,
      parentPath: null,
      contact: null,
    });
    expect(rows[1]).toEqual({
      row: 2,
      name: 'Phường Ba Đình',
      shortName: 'Ba Đình',
      kind: 'ward',
      adminCode: '00004',
      parentAdminCode: '01',
      parentPath: null,
      contact: null,
    });
    expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
    const provinces = new Set(rows.filter((r) => r.kind === 'province').map((r) => r.adminCode));
    for (const r of rows.filter((x) => x.kind !== 'province')) {
      expect(provinces.has(r.parentAdminCode)).toBe(true);
      expect(r.adminCode).toMatch(/^[0-9]{5}$/);
    }
    expect(new Set(rows.map((r) => r.adminCode)).size).toBe(rows.length);
    const muongLay = rows.find((r) => r.name === 'Phường Mường Lay');
    expect(muongLay).toMatchObject({ kind: 'ward', adminCode: '03151', parentAdminCode: '11' });
    expect(rows.find((r) => r.name.startsWith('Đặc khu'))?.kind).toBe('special_zone');
  });

  it('reads the kind prefix case-insensitively (the list writes one commune "xã Bắc Sơn")', async () => {
    const { rows } = await parseOrgFile(data, 'units.json');
    expect(rows.find((r) => r.adminCode === '06325')).toMatchObject({ name: 'xã Bắc Sơn', kind: 'commune', parentAdminCode: '20' });
  });

  it('accepts a single province object, numeric codes and an unknown prefix (→ commune)', async () => {
    const parsed = await parseOrgFile(
      json({
        Code: 11,
        Name: 'Điện Biên',
        FullName: 'Tỉnh Điện Biên',
        Wards: [
          { Code: 3151, Name: 'Mường Lay', FullName: 'Phường Mường Lay' },
          { Code: '03999', Name: 'Mới', FullName: 'Khu Mới', ProvinceCode: '11' },
        ],
      }),
      'one.json',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.kind, r.adminCode, r.parentAdminCode])).toEqual([
      [1, 'province', '11', null],
      [2, 'ward', '03151', '11'],
      [3, 'commune', '03999', '11'],
    ]);
  });

  it('reports bad units by running row number and keeps the rest', async () => {
    const parsed = await parseOrgFile(
      json([
        {
          Code: '11',
          Name: 'Điện Biên',
          FullName: 'Tỉnh Điện Biên',
          Wards: [
            { Code: '03151', Name: 'A', FullName: 'Phường A', ProvinceCode: '11' },
            { Code: '03151', Name: 'B', FullName: 'Xã B', ProvinceCode: '11' },
            { Code: 'bad code!', Name: 'C', FullName: 'Xã C', ProvinceCode: '11' },
            { Code: '03155', Name: '', FullName: '  ', ProvinceCode: '11' },
          ],
        },
      ]),
      'units.json',
    );
    expect(parsed.rows.map((r) => r.row)).toEqual([1, 2]);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'admin_code'],
      [4, 'admin_code'],
      [5, 'name'],
    ]);
    expect(parsed.errors[0]?.text.vi).toBe('Mã hành chính "03151" bị trùng với dòng 2 (đơn vị "Phường A")');
  });

  it.each([
    ['not JSON at all', Buffer.from('[{"Code": "01",', 'utf8')],
    ['a list of something else', json([{ id: 1, title: 'x' }])],
    ['an object of another shape', json({ provinces: [] })],
    ['a ward without a code', json([{ Code: '01', Name: 'A', FullName: 'Tỉnh A', Wards: [{ Name: 'B', FullName: 'Xã B' }] }])],
  ])('refuses %s', async (_, body) => {
    const err = await parseOrgFile(body, 'units.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrgImportRefusedError);
    expect((err as OrgImportRefusedError).reason).toBe('invalid_json');
    expect((err as OrgImportRefusedError).text.vi).toMatch(/^Tệp JSON/);
    expect((err as OrgImportRefusedError).text.en).toMatch(/JSON/);
  });

  it('refuses an empty list as an empty file', async () => {
    await expect(parseOrgFile(json([]), 'units.json')).rejects.toMatchObject({ reason: 'empty' });
  });
});
