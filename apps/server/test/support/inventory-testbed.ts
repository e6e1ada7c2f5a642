import { expect } from 'vitest';
import type { InventoryImport } from '@khien/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { startJobs, type Jobs } from '../../src/platform/jobs/index.js';
import { inventoryJobs } from '../../src/modules/inventory/index.js';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from '../harness.js';

export interface InventoryTestbed {
  t: TestApp;
  jobs: Jobs;
  province: string;
  communeA: string;
  communeB: string;
  school: string;
  /** a school's IT officer granted commune A */
  officer: Client;
  coord: Client;
  upload(c: Client, fields: Record<string, string>, file: { name: string; data: Buffer }): Promise<LightMyRequestResponse>;
  /** uploads and waits for the background run to finish */
  importFile(c: Client, fields: Record<string, string>, file: { name: string; data: Buffer }): Promise<InventoryImport>;
  close(): Promise<void>;
}

/** A province with two communes and a school, a unit officer and the province's coordinator, and the import job running. */
export async function createInventoryTestbed(): Promise<InventoryTestbed> {
  const t = await createTestApp();
  // the server's own worker, as embedded mode runs it: uploads are run by the import job
  const jobs = await startJobs(t.database, { work: true, definitions: inventoryJobs(t.database.db) });
  const province = (await buildOrg(t, { name: 'Tỉnh Kiểm Kê', kind: 'province' })).id;
  const communeA = (await buildOrg(t, { parentId: province, name: 'Xã Hòa Bình', kind: 'commune', adminCode: '90001' })).id;
  const communeB = (await buildOrg(t, { parentId: province, name: 'Phường Tân Lập', kind: 'ward', adminCode: '90002' })).id;
  const school = (await buildOrg(t, { parentId: communeA, name: 'Trường Tiểu học Hòa Bình', kind: 'school' })).id;
  const officer = await signIn(t, await buildUser(t, { homeOrgId: school, grants: [{ role: 'unit_officer', orgId: communeA }] }));
  const coord = await signIn(t, await buildUser(t, { homeOrgId: province, grants: [{ role: 'province_coordinator', orgId: province }] }));

  const upload: InventoryTestbed['upload'] = (c, fields, file) => {
    const boundary = 'khieninventory';
    const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const payload = Buffer.concat([...parts, head, file.data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/inventory/imports',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  };
  const importFile: InventoryTestbed['importFile'] = async (c, fields, file) => {
    const res = await upload(c, fields, file);
    expect(res.statusCode, res.body).toBe(202);
    const id = (res.json() as InventoryImport).id;
    for (let i = 0; i < 300; i++) {
      const r = (await c.get(`/api/v1/inventory/imports/${id}`)).json() as InventoryImport;
      if (r.status !== 'queued' && r.status !== 'running') return r;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  };
  return {
    t,
    jobs,
    province,
    communeA,
    communeB,
    school,
    officer,
    coord,
    upload,
    importFile,
    close: async () => {
      await jobs.stop();
      await t.close();
    },
  };
}
