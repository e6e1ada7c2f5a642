import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { ROOT } from './process.js';

interface AdminUnits {
  Code: string;
  FullName: string;
  Wards: { Code: string; FullName: string }[];
}

const label = (id: string) => id.replace(/-/g, '_');
const KINDS = ['police', 'agency', 'agency', 'agency', 'school', 'school', 'school', 'school', 'residential_group', 'residential_group'] as const;

/**
 * The real national tree (34 provinces, 3,321 communes from the statistics office's list)
 * under one national body, with `unitsPerCommune` generated units under each commune and one
 * unit officer per commune so that issuing queues real notifications.
 */
export async function seedNationalTree(
  d: Database,
  unitsPerCommune: number,
): Promise<{ rootId: string; orgs: number; communes: number; units: number; officers: number }> {
  const data = JSON.parse(fs.readFileSync(path.resolve(ROOT, '../shared/data/vn-admin-units-2026.json'), 'utf8')) as AdminUnits[];
  const rootId = randomUUID();
  const rows: { id: string; parent: string | null; path: string; depth: number; name: string; kind: string; code: string | null }[] = [
    { id: rootId, parent: null, path: label(rootId), depth: 1, name: 'Bộ Công an (A05)', kind: 'police', code: null },
  ];
  const officerUnits: string[] = [];
  let communes = 0;
  for (const p of data) {
    const pid = randomUUID();
    const ppath = `${label(rootId)}.${label(pid)}`;
    rows.push({ id: pid, parent: rootId, path: ppath, depth: 2, name: p.FullName, kind: 'province', code: p.Code });
    for (const w of p.Wards) {
      communes++;
      const cid = randomUUID();
      const cpath = `${ppath}.${label(cid)}`;
      const kind = w.FullName.startsWith('Phường') ? 'ward' : w.FullName.startsWith('Đặc khu') ? 'special_zone' : 'commune';
      rows.push({ id: cid, parent: pid, path: cpath, depth: 3, name: w.FullName, kind, code: w.Code });
      for (let u = 0; u < unitsPerCommune; u++) {
        const uid = randomUUID();
        if (u === 0) officerUnits.push(uid);
        rows.push({
          id: uid,
          parent: cid,
          path: `${cpath}.${label(uid)}`,
          depth: 4,
          name: `Đơn vị ${u + 1} – ${w.FullName}`,
          kind: KINDS[u % KINDS.length]!,
          code: null,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 2000) {
    await d.db.execute(sql`insert into orgs (id, parent_id, path, depth, name, short_name, kind, admin_code, search_text)
      select x.id::uuid, x.parent::uuid, x.path::ltree, x.depth, x.name, '', x.kind, x.code, lower(x.name)
        from json_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::json) as x(id text, parent text, path text, depth int, name text, kind text, code text)`);
  }
  await d.db.execute(sql`update orgs o set child_count = (select count(*) from orgs c where c.parent_id = o.id) where o.depth < 4`);
  const people = officerUnits.map((org, i) => ({ id: randomUUID(), email: `canbo${i}@bench.khien`, org }));
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = JSON.stringify(people.slice(i, i + 1000));
    await d.db.execute(sql`insert into users (id, email, full_name, home_org_id, password_hash, must_change_password, search_text)
      select x.id::uuid, x.email, x.email, x.org::uuid, 'x', false, x.email from json_to_recordset(${chunk}::json) as x(id text, email text, org text)`);
    await d.db.execute(
      sql`insert into grants (user_id, role, org_id) select x.id::uuid, 'unit_officer', x.org::uuid from json_to_recordset(${chunk}::json) as x(id text, email text, org text)`,
    );
  }
  await d.executeSql('analyze');
  return { rootId, orgs: rows.length, communes, units: communes * unitsPerCommune, officers: people.length };
}
