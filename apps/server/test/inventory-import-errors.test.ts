/**
 * Inventory imports that explain what is wrong and write nothing they should not: every bad cell of
 * a row named, line ends that never merge rows, a record twice, bad files, and the import's job
 * (committed with its row, re-queued by the sweep when a CLI died), and the templates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { INVENTORY_IMPORT_JOB, inventoryJobs } from '../src/modules/inventory/index.js';
import type { Client, TestApp } from './harness.js';
import { createInventoryTestbed, type InventoryTestbed } from './support/inventory-testbed.js';

let bed: InventoryTestbed;
let t: TestApp;
let province: string;
let communeA: string;
let communeB: string;
let officer: Client;
let coord: Client;
const upload: InventoryTestbed['upload'] = (...a) => bed.upload(...a);
const importFile: InventoryTestbed['importFile'] = (...a) => bed.importFile(...a);
const assetsCsv = ['Tên thiết bị,Loại,Đơn vị', 'Máy kế toán,máy trạm,90002'].join('\r\n');

beforeAll(async () => {
  bed = await createInventoryTestbed();
  ({ t, province, communeA, communeB, officer, coord } = bed);
});
afterAll(async () => bed?.close());

describe('imports that explain', () => {
  it('names every bad cell of a row, in both languages, and counts the row once', async () => {
    const csv = ['Tên thiết bị,Loại,Địa chỉ IP,Mức quan trọng,Ngày vá gần nhất', 'Máy trạm số 7,máy bay,10.0.0.300,tối quan trọng,31/02/2026'].join('\n');
    const r = await importFile(coord, { orgId: communeA, kind: 'assets', onError: 'refuse' }, { name: 'ba-loi.csv', data: Buffer.from(csv) });
    expect(r).toMatchObject({ status: 'refused', rowsRead: 1, rowsFailed: 1 });
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'Loại', 'not_in_list'],
      [2, 'Địa chỉ IP', 'ip_invalid'],
      [2, 'Mức quan trọng', 'not_in_list'],
      [2, 'Ngày vá gần nhất', 'date_impossible'],
    ]);
    const date = r.errors[3]!;
    expect(date.text).toEqual({ vi: 'Ngày "31/02/2026" không tồn tại', en: 'There is no such date as "31/02/2026"' });
    // the API's message is Vietnamese; the web and the CLI pick the reader's language from `text`
    expect(date.message).toBe(date.text.vi);
    for (const e of r.errors) expect(`${e.text.vi}|${e.text.en}`).not.toMatch(/ \/ [a-z]/);
    expect(r.messageText).toEqual({
      vi: 'Tệp bị từ chối: 1 dòng lỗi, không dòng nào được nhập',
      en: 'The file is refused: one row has errors, none was imported',
    });
  });

  it('CRLF, LF and lone CR line ends, mixed in one file, never merge rows', async () => {
    const lines = ['Dải IP,Đơn vị,Nhà mạng', '192.0.2.0/30,90002,VNPT', '192.0.2.4/30,90002,VNPT', '192.0.2.8/30,90002,Viettel', '192.0.2.12/30,90002,FPT'];
    const csv = `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r${lines[3]}\r\n${lines[4]}`;
    const r = await importFile(coord, { orgId: province, kind: 'ipspace', onError: 'refuse', dryRun: 'true' }, { name: 'ip.csv', data: Buffer.from(csv) });
    expect(r, JSON.stringify(r.errors)).toMatchObject({ status: 'done', rowsRead: 4, rowsFailed: 0, created: 4 });
  });

  it('a record twice in one file is reported on its second row', async () => {
    const csv = 'Dải IP,Đơn vị,Nhà mạng\n198.51.100.0/30,90002,VNPT\n198.51.100.4/30,90002,VNPT\n198.51.100.0/30,90002,Viettel\n';
    const r = await importFile(coord, { orgId: province, kind: 'ipspace', onError: 'refuse' }, { name: 'ip.csv', data: Buffer.from(csv) });
    expect(r).toMatchObject({ status: 'refused', rowsFailed: 1, errors: [{ row: 4, field: null, message: expect.stringContaining('dòng 2') }] });
  });

  it('bad files get a clear message and write nothing', async () => {
    const missing = await importFile(coord, { orgId: communeA, kind: 'ipspace', onError: 'keep' }, { name: 'x.csv', data: Buffer.from('Nhà mạng\nVNPT\n') });
    expect(missing).toMatchObject({ status: 'failed', message: expect.stringContaining('Dải IP') });
    // a broken workbook is answered at upload by the archive check, not by a failed import later
    const broken = await upload(
      coord,
      { orgId: communeA, kind: 'assets', onError: 'keep' },
      { name: 'a.xlsx', data: Buffer.from('PK\x03\x04 not really a zip') },
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ error: { code: 'ARCHIVE_REFUSED', message: expect.stringMatching(/^Tệp nén không hợp lệ/) } });
    const junk = await importFile(
      coord,
      { orgId: communeA, kind: 'assets', format: 'osquery', onError: 'refuse' },
      { name: 'o.log', data: Buffer.from('{"truncated": \nnot json\n') },
    );
    expect(junk).toMatchObject({ status: 'refused', rowsFailed: 2 });
    const wrongKind = await upload(coord, { orgId: communeA, kind: 'systems', format: 'osquery' }, { name: 'o.log', data: Buffer.from('{}') });
    expect(wrongKind.statusCode).toBe(400);
    const outside = await upload(officer, { orgId: communeB, kind: 'assets' }, { name: 'a.csv', data: Buffer.from(assetsCsv) });
    expect(outside.statusCode).toBe(404);
  });

  it('an upload commits its import row and its job together; the job runs it', async () => {
    const csv = ['Tên thiết bị,Loại,Tên máy (hostname),Địa chỉ IP', 'Máy tiếp dân,máy trạm,TD-01,10.1.2.10'].join('\r\n');
    const r = await importFile(coord, { orgId: communeA, kind: 'assets', onError: 'refuse' }, { name: 'tiep-dan.csv', data: Buffer.from(csv) });
    expect(r).toMatchObject({ status: 'done', created: 1 });
    const queued = await queryRows<{ singleton_key: string }>(
      t.database.db,
      sql`select singleton_key from pgboss.job where name = ${INVENTORY_IMPORT_JOB} and data->>'importId' = ${r.id}`,
    );
    expect(queued).toEqual([{ singleton_key: r.id }]);
  });

  it('an import left queued without a job (a CLI that died before running it) is queued again by the minute sweep and run', async () => {
    const file = path.join(t.config.filesDir, 'may-bo-lai.csv');
    fs.writeFileSync(file, ['Tên thiết bị,Loại,Tên máy (hostname)', 'Máy bỏ lại,máy trạm,BL-01'].join('\r\n'));
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into inventory_imports (org_id, kind, format, filename, staged_path, on_error, bytes_total, created_at)
          values (${communeA}, 'assets', 'csv', 'may-bo-lai.csv', ${file}, 'refuse', ${fs.statSync(file).size}, now() - interval '5 minutes') returning id`,
    );
    const sweep = inventoryJobs(t.database.db).find((j) => j.cron)!;
    await sweep.handler({});
    const status = async () => (await queryRows<{ status: string }>(t.database.db, sql`select status from inventory_imports where id = ${row!.id}`))[0]!.status;
    for (let i = 0; i < 300 && (await status()) === 'queued'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 300 && (await status()) === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await status()).toBe('done');
    // the next minute's sweep leaves a run import alone
    await sweep.handler({});
    const jobs = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from pgboss.job where name = ${INVENTORY_IMPORT_JOB} and data->>'importId' = ${row!.id}`,
    );
    expect(jobs[0]!.n).toBe(1);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('templates download as XLSX with a guide sheet and as CSV', async () => {
    const x = await coord.get('/api/v1/inventory/templates/systems?format=xlsx');
    expect(x.statusCode).toBe(200);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hệ thống thông tin', 'Hướng dẫn']);
    const c = await coord.get('/api/v1/inventory/templates/ipspace?format=csv');
    expect(c.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Dải IP,Đơn vị,Nhà mạng,Hiệu lực từ,Hiệu lực đến,Ghi chú');
  });
});
