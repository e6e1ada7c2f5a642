/**
 * Zip bombs and broken archives through every route that opens a zip: the dispatch parser
 * (.docx), the org import and the inventory import (.xlsx). Each is refused with 413/422 and a
 * message naming the limit, quickly and without the memory the bomb asks for, and the server
 * answers /healthz afterwards. A real dispatch in Word still parses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, ParsedDispatchDraft } from '@khien/contracts';
import { parseDispatch } from '@khien/formats';
import { buildDispatchDocx } from '../src/modules/directives/export/index.js';
import { deflated, deflatedRepeat, minimalDocx, writeZip, type DeflatedBody, type TestEntry } from '../src/platform/archive/test-support.js';
import { buildOrg, buildUser, createTestApp, postFile, signIn, type Client, type TestApp } from './harness.js';
import { loadSeeds, seedDispatchDoc } from './support/scan-fixtures.js';

const MiB = 1024 * 1024;
const ns = 'http://schemas.openxmlformats.org';

let t: TestApp;
let coord: Client;
let admin: Client;
let province: string;
let bomb: DeflatedBody;

beforeAll(async () => {
  t = await createTestApp();
  const home = await buildOrg(t, { name: 'Tỉnh Nén Thử', kind: 'province' });
  province = home.id;
  const ward = await buildOrg(t, { parentId: province, name: 'Phường Giải Nén', kind: 'ward' });
  coord = await signIn(t, await buildUser(t, { homeOrgId: ward.id, grants: [{ role: 'commune_coordinator', orgId: ward.id }] }));
  admin = await signIn(t, await buildUser(t, { homeOrgId: province, grants: [{ role: 'system_admin', orgId: null }] }));
  // 200 MiB of spaces, deflated in 1 MiB pieces: ~200 KB on the wire
  bomb = await deflatedRepeat(0x20, 200 * MiB);
}, 120_000);
afterAll(async () => t?.close());

const post = (c: Client, url: string, filename: string, data: Buffer, fields: Record<string, string> = {}) =>
  postFile(t, c, url, { name: filename, data }, fields);

const parseDocx = (name: string, data: Buffer) => post(coord, '/api/v1/directives/parse', name, data);
const importOrgs = (name: string, data: Buffer) => post(admin, '/api/v1/orgs/import?dryRun=true', name, data);
const importInventory = (name: string, data: Buffer) =>
  post(admin, '/api/v1/inventory/imports', name, data, { orgId: province, kind: 'systems', onError: 'refuse' });

const docx = minimalDocx;

function xlsx(sheet: Partial<TestEntry>): Buffer {
  const rels = (target: string, type: string) =>
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`,
    );
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"/>`) },
    { name: '_rels/.rels', data: rels('xl/workbook.xml', 'officeDocument') },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    { name: 'xl/_rels/workbook.xml.rels', data: rels('worksheets/sheet1.xml', 'worksheet') },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ]);
}

/** Sends a request while sampling the process's memory; how much it grew over the start, at its peak. */
async function measured<T>(send: () => Promise<T>): Promise<{ result: T; ms: number; grewBy: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = Date.now();
  try {
    const result = await send();
    return { result, ms: Date.now() - started, grewBy: Math.max(peak, process.memoryUsage.rss()) - start };
  } finally {
    clearInterval(timer);
  }
}

function errorOf(res: { json(): unknown }): ErrorBody['error'] {
  return (res.json() as ErrorBody).error;
}

async function expectAlive() {
  const health = await t.app.inject({ method: 'GET', url: '/healthz' });
  expect(health.statusCode).toBe(200);
}

describe('a 200 MB document.xml in a small .docx', () => {
  it('declaring its size: 413 naming the limit, in seconds, without the memory', async () => {
    const file = docx({ raw: bomb });
    expect(file.length).toBeLessThan(1 * MiB);
    const { result: res, ms, grewBy } = await measured(() => parseDocx('bom.docx', file));
    expect(res.statusCode, res.body).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', details: { limit: 'maxEntryBytes', value: 16 * MiB, entry: 'word/document.xml' } });
    expect(errorOf(res).message).toBe(
      'Tệp nén vượt giới hạn: dung lượng giải nén của một tệp con tối đa 16 MiB (tệp con "word/document.xml": 200 MiB)' +
        ' / Archive exceeds a limit: unzipped size of one entry at most 16 MiB (entry "word/document.xml": 200 MiB)',
    );
    // generous bounds: the machine is shared; the bomb itself would take 200 MiB and mammoth gigabytes
    expect(ms).toBeLessThan(15_000);
    expect(grewBy).toBeLessThan(150 * MiB);
    await expectAlive();
  });

  it('lying about its size (1 KB): 422, inflation stopped at what it declared', async () => {
    const { result: res, ms, grewBy } = await measured(() => parseDocx('bom.docx', docx({ raw: bomb, declaredSize: 1_000 })));
    expect(res.statusCode, res.body).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'ARCHIVE_REFUSED', details: { problem: 'size_mismatch', entry: 'word/document.xml' } });
    expect(errorOf(res).message).toMatch(/^Tệp nén không hợp lệ hoặc không an toàn: dữ liệu giải nén dài hơn kích thước khai báo/);
    expect(ms).toBeLessThan(15_000);
    expect(grewBy).toBeLessThan(150 * MiB);
    await expectAlive();
  });
});

describe('the same bombs through the XLSX imports', () => {
  it('org import: 413 for the honest bomb, 422 for the lying one, nothing imported', async () => {
    const honest = await measured(() => importOrgs('bom.xlsx', xlsx({ raw: bomb })));
    expect(honest.result.statusCode, honest.result.body).toBe(413);
    expect(errorOf(honest.result)).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', details: { reason: 'archive_too_large' } });
    expect(errorOf(honest.result).message).toContain('dung lượng giải nén của một tệp con tối đa 128 MiB (tệp con "xl/worksheets/sheet1.xml": 200 MiB)');
    expect(honest.grewBy).toBeLessThan(150 * MiB);
    const lying = await importOrgs('bom.xlsx', xlsx({ raw: bomb, declaredSize: 2_000 }));
    expect(lying.statusCode, lying.body).toBe(422);
    expect(errorOf(lying)).toMatchObject({ code: 'ARCHIVE_REFUSED', details: { reason: 'archive_refused' } });
    await expectAlive();
  });

  it('inventory import: refused at upload, before anything is queued', async () => {
    const before = (await admin.get(`/api/v1/inventory/imports?orgId=${province}`)).json() as { total: number };
    const honest = await measured(() => importInventory('bom.xlsx', xlsx({ raw: bomb })));
    expect(honest.result.statusCode, honest.result.body).toBe(413);
    expect(errorOf(honest.result)).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', details: { limit: 'maxEntryBytes' } });
    expect(honest.grewBy).toBeLessThan(150 * MiB);
    const lying = await importInventory('bom.xlsx', xlsx({ raw: bomb, declaredSize: 2_000 }));
    expect(lying.statusCode, lying.body).toBe(422);
    expect(errorOf(lying).code).toBe('ARCHIVE_REFUSED');
    expect(((await admin.get(`/api/v1/inventory/imports?orgId=${province}`)).json() as { total: number }).total).toBe(before.total);
    await expectAlive();
  });
});

describe('other archives refused for what they are', () => {
  it('too many entries: 413 naming the count', async () => {
    const many = Array.from({ length: 1_000 }, (_, i) => ({ name: `word/media/anh-${i}.png`, data: Buffer.from([i % 256]) }));
    const res = await parseDocx('nhieu.docx', docx({ data: Buffer.from('<w:document/>') }, many));
    expect(res.statusCode, res.body).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', details: { limit: 'maxEntries', value: 1_000 } });
    expect(errorOf(res).message).toContain('số tệp con tối đa 1.000 (tệp này: 1.003)');
    expect(errorOf(res).message).toContain('number of entries at most 1,000 (this archive: 1,003)');
  });

  it('an entry within the size limits but inflating 1,000 to 1: 422 naming the ratio', async () => {
    const res = await parseDocx('ti-le.docx', docx({ raw: deflated(Buffer.alloc(8 * MiB, 0x20)) }));
    expect(res.statusCode, res.body).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'ARCHIVE_REFUSED', details: { limit: 'maxRatio', value: 500 } });
    expect(errorOf(res).message).toMatch(/tỷ lệ nén của một tệp con tối đa 500:1 \(tệp con "word\/document\.xml": 1\.0\d\d:1\)/);
  });

  it.each([
    ['truncated', (d: Buffer) => d.subarray(0, d.length - 40), 'corrupt'],
    ['with its deflate data overwritten', (d: Buffer) => Buffer.concat([d.subarray(0, 40), Buffer.alloc(200, 0xff), d.subarray(240)]), null],
    ['encrypted', () => docx({ data: Buffer.from('<w:document/>'), flags: 1 }), 'encrypted'],
    [
      'with a path that climbs out',
      () => docx({ data: Buffer.from('<w:document/>') }, [{ name: '../../etc/cron.d/x', data: Buffer.from('x') }]),
      'unsafe_name',
    ],
  ] as const)('a .docx %s: 422', async (_, make, problem) => {
    const good = docx({ data: Buffer.from(`<w:document xmlns:w="${ns}/wordprocessingml/2006/main"><w:body/></w:document>`) });
    const res = await parseDocx('hong.docx', make(good));
    expect(res.statusCode, res.body).toBe(422);
    expect(errorOf(res).code).toBe('ARCHIVE_REFUSED');
    if (problem) expect(errorOf(res).details).toMatchObject({ problem });
    expect(errorOf(res).message).toMatch(/^Tệp nén không hợp lệ hoặc không an toàn: .+ \/ Invalid or unsafe archive: /);
    await expectAlive();
  });
});

describe('real documents', () => {
  it('a dispatch in Word (the seed, through the DOCX export) still parses to its draft', async () => {
    const seed = loadSeeds().find((s) => s.name === 'dispatch-muong-lay-2026')!;
    const file = await buildDispatchDocx(seedDispatchDoc(seed));
    const res = await parseDocx('cong-van.docx', file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ParsedDispatchDraft;
    const expected = parseDispatch(seed.text);
    expect(body.draft.number).toBe(expected.number);
    expect(body.draft.subject).toBe(expected.subject);
    expect(body.draft.sections.length).toBe(expected.sections.length);
    expect(body.sourceFileId).not.toBeNull();
  });
});

describe('every route that takes an upload', () => {
  it('gets the bomb without a 5xx and the server stays up: refused where the file is opened, kept as bytes where it is only stored', async () => {
    const file = docx({ raw: bomb });
    const draft = await admin.send('POST', '/api/v1/directives', {
      issuerOrgId: province,
      subject: 'Thử tệp nén',
      rule: { orgIds: [province] },
      sections: [{ heading: '1. Nhiệm vụ', tasks: [{ text: 'Rà soát' }] }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const opened = [
      await post(coord, '/api/v1/directives/parse', 'bom.docx', file),
      await post(admin, '/api/v1/directives/imports', 'bom.docx', file),
      await post(admin, '/api/v1/orgs/import?dryRun=true', 'bom.xlsx', file),
      await post(admin, '/api/v1/inventory/imports', 'bom.xlsx', file, { orgId: province, kind: 'assets', onError: 'keep' }),
    ];
    for (const res of opened) expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    const stored = await post(admin, `/api/v1/directives/${draft.json().id}/attachments`, 'bom.docx', file);
    const all = [...opened, stored];
    expect(all.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    await expectAlive();
  });
});
