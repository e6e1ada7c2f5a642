import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

const ADMIN_UNITS = path.resolve(import.meta.dirname, '../../../../shared/data/vn-admin-units-2026.json');

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  const home = await buildOrg(t, { name: 'Bộ Công an (thử)', kind: 'agency' });
  admin = await signIn(t, await buildUser(t, { homeOrgId: home.id, grants: [{ role: 'system_admin', orgId: null }] }));
});
afterAll(async () => t.close());

function upload(c: Client, query: string, filename: string, data: Buffer, language = 'vi') {
  const boundary = '----khien';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/import?${query}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': language },
    payload,
  });
}

describe('org import and export', () => {
  it('imports the official list of 34 provinces and 3,321 communes, and re-importing changes nothing', async () => {
    const data = fs.readFileSync(ADMIN_UNITS);
    const dry = (await upload(admin, 'dryRun=true', 'vn-admin-units-2026.json', data)).json();
    expect(dry.errors.slice(0, 3)).toEqual([]);
    expect(dry.created).toBe(3355);
    expect(dry).toMatchObject({ dryRun: true, created: 3355, updated: 0, errors: [] });
    // what it would add, by kind and the parent's kind
    expect(dry.added).toEqual(
      expect.arrayContaining([
        { kind: 'province', underKind: null, count: 34, examples: expect.arrayContaining(['Thành phố Hà Nội']) },
        expect.objectContaining({ kind: 'ward', underKind: 'province' }),
        expect.objectContaining({ kind: 'commune', underKind: 'province' }),
      ]),
    );
    expect((await admin.get('/api/v1/orgs?q=ba%20dinh')).json().total).toBe(0);
    const real = (await upload(admin, 'dryRun=false', 'vn-admin-units-2026.json', data)).json();
    expect(real).toMatchObject({ created: 3355, updated: 0, errors: [] });
    const again = (await upload(admin, 'dryRun=false', 'vn-admin-units-2026.json', data)).json();
    expect(again).toMatchObject({ created: 0, updated: 0 });
    const hanoi = (await admin.get('/api/v1/orgs?q=thanh%20pho%20ha%20noi&kind=province')).json().items[0];
    expect(hanoi).toMatchObject({ name: 'Thành phố Hà Nội', adminCode: '01', childCount: 126 });
    const wards = (await admin.get(`/api/v1/orgs?parentId=${hanoi.id}&q=ba%20dinh`)).json();
    expect(wards.items[0]).toMatchObject({ name: 'Phường Ba Đình', kind: 'ward', adminCode: '00004' });
  });

  it('reports bad rows by line and field; abort writes nothing, skip keeps the good rows', async () => {
    const parent = await buildOrg(t, { name: 'Xã Nhập Thử', kind: 'commune' });
    const csv = [
      'ten,loai,lien_he_ten,lien_he_dien_thoai',
      'Trường Tiểu học Một,Trường học,Cô Hoa,0912345678',
      ',Trường học,,',
      'Trường Hai,Lâu đài,,',
      'Tổ dân phố 5,Tổ dân phố,Ông Ba,gọi tôi',
    ].join('\n');
    const abort = (await upload(admin, `dryRun=false&onError=abort&parentId=${parent.id}`, 'orgs.csv', Buffer.from(csv))).json();
    expect(abort.created).toBe(0);
    expect(abort.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'kind'],
      [5, 'contact_phone'],
    ]);
    expect((await admin.get(`/api/v1/orgs?parentId=${parent.id}`)).json().total).toBe(0);
    const skip = (await upload(admin, `dryRun=false&onError=skip&parentId=${parent.id}`, 'orgs.csv', Buffer.from(csv))).json();
    expect(skip.created).toBe(1);
    const kids = (await admin.get(`/api/v1/orgs?parentId=${parent.id}`)).json();
    expect(kids.items.map((o: { name: string }) => o.name)).toEqual(['Trường Tiểu học Một']);
  });

  it('says the row errors in the language of the request, one language only', async () => {
    const parent = await buildOrg(t, { name: 'Xã Ngôn Ngữ', kind: 'commune' });
    const csv = Buffer.from(['ten,loai,lien_he_ten,lien_he_email', 'Trường Ba,Lâu đài,Cô Hoa,khong-phai-email'].join('\r\n'));
    const vi = (await upload(admin, `dryRun=true&onError=skip&parentId=${parent.id}`, 'orgs.csv', csv, 'vi-VN,vi;q=0.9')).json();
    const en = (await upload(admin, `dryRun=true&onError=skip&parentId=${parent.id}`, 'orgs.csv', csv, 'en-GB,en;q=0.8')).json();
    expect(vi.errors.map((e: { code: string }) => e.code)).toEqual(['kind_unknown', 'email_invalid']);
    expect(en.errors.map((e: { code: string }) => e.code)).toEqual(['kind_unknown', 'email_invalid']);
    expect(vi.errors[1].message).toBe('Email "khong-phai-email" không hợp lệ');
    expect(en.errors[1].message).toBe('E-mail "khong-phai-email" is not a valid address');
    for (const e of [...vi.errors, ...en.errors]) expect(e.message).not.toMatch(/ \/ /);
    // a file refused whole says why in the request's language too
    const refused = await upload(admin, 'dryRun=true', 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]), 'en');
    expect(refused.json().error.message).toMatch(/^The file is not CSV, XLSX/);
  });

  it('exports a subtree that imports back unchanged, in CSV and XLSX, and serves both templates', async () => {
    const root = await buildOrg(t, { name: 'Xã Xuất Thử', kind: 'commune', adminCode: '99001' });
    const school = (
      await admin.send('POST', '/api/v1/orgs', {
        parentId: root.id,
        name: 'Trường THCS Xuất',
        kind: 'school',
        contacts: [{ name: 'Cô Lan', phone: '0987654321' }],
      })
    ).json();
    expect(school.id).toBeTruthy();
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await admin.get(`/api/v1/orgs/export?format=${format}&under=${root.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain(`.${format}`);
      const back = (await upload(admin, 'dryRun=true', `export.${format}`, file.rawPayload)).json();
      expect(back).toMatchObject({ created: 0, updated: 0, errors: [] });
      const template = await admin.get(`/api/v1/orgs/import-template?format=${format}`);
      expect(template.statusCode).toBe(200);
      expect(template.rawPayload.length).toBeGreaterThan(50);
    }
  });

  it('refuses files that are not spreadsheets with a clear error', async () => {
    const res = await upload(admin, 'dryRun=true', 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toBeTruthy();
    const empty = await upload(admin, 'dryRun=true', 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    expect(empty.statusCode).toBeLessThan(500);
  });
});
