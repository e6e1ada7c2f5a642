import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { hashPassword } from '../../apps/server/src/platform/auth/passwords.js';
import { randomToken, sha256 } from '../../apps/server/src/platform/auth/secrets.js';

export interface ScaleFixture {
  provinceId: string;
  orgs: number;
  users: number;
  cookie: string;
}

const label = (id: string) => id.replace(/-/g, '_');

/**
 * A province-sized tree written straight into the database (the API would take minutes
 * for 20,000 argon2 hashes): one province, `communes` communes with `unitsPerCommune`
 * units each, `users` people spread over the units, and a signed-in province coordinator.
 */
export async function seedScale(d: Database, o: { communes: number; unitsPerCommune: number; users: number }): Promise<ScaleFixture> {
  const db = d.db;
  const provinceId = randomUUID();
  const orgRows: { id: string; parent: string | null; path: string; depth: number; name: string; kind: string }[] = [
    { id: provinceId, parent: null, path: label(provinceId), depth: 1, name: 'Tỉnh Đo Tải', kind: 'province' },
  ];
  const units: string[] = [];
  for (let c = 0; c < o.communes; c++) {
    const cid = randomUUID();
    const cpath = `${label(provinceId)}.${label(cid)}`;
    orgRows.push({ id: cid, parent: provinceId, path: cpath, depth: 2, name: `Xã Đo Tải ${c + 1}`, kind: 'commune' });
    for (let u = 0; u < o.unitsPerCommune; u++) {
      const uid = randomUUID();
      units.push(uid);
      orgRows.push({
        id: uid,
        parent: cid,
        path: `${cpath}.${label(uid)}`,
        depth: 3,
        name: `Đơn vị ${u + 1} xã ${c + 1}`,
        kind: u % 3 === 0 ? 'school' : 'agency',
      });
    }
  }
  for (let i = 0; i < orgRows.length; i += 500) {
    const chunk = orgRows.slice(i, i + 500);
    await db.execute(sql`insert into orgs (id, parent_id, path, depth, name, short_name, kind, search_text)
      select x.id::uuid, x.parent::uuid, x.path::ltree, x.depth::int, x.name, '', x.kind, lower(x.name)
      from json_to_recordset(${JSON.stringify(chunk)}::json) as x(id text, parent text, path text, depth int, name text, kind text)`);
  }
  await db.execute(
    sql`update orgs o set descendant_count = (select count(*) - 1 from orgs c where c.path <@ o.path), child_count = (select count(*) from orgs c where c.parent_id = o.id)`,
  );
  const hash = await hashPassword('bench-password-2026!');
  const coordinatorId = randomUUID();
  const people: { id: string; email: string; org: string }[] = [{ id: coordinatorId, email: 'coordinator@bench.khien', org: provinceId }];
  for (let i = 0; i < o.users; i++) people.push({ id: randomUUID(), email: `u${i}@bench.khien`, org: units[i % units.length]! });
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000);
    await db.execute(sql`insert into users (id, email, full_name, home_org_id, password_hash, must_change_password, search_text)
      select x.id::uuid, x.email, x.email, x.org::uuid, ${hash}, false, x.email
      from json_to_recordset(${JSON.stringify(chunk)}::json) as x(id text, email text, org text)`);
  }
  await db.execute(sql`insert into grants (user_id, role, org_id) values (${coordinatorId}, 'province_coordinator', ${provinceId})`);
  await db.execute(sql`update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = now() where id = ${coordinatorId}`);
  const token = randomToken();
  await db.execute(sql`insert into sessions (user_id, token_hash, csrf_token, mfa_passed, expires_at)
    values (${coordinatorId}, ${sha256(token)}, ${randomToken(24)}, true, now() + interval '1 day')`);
  return { provinceId, orgs: orgRows.length, users: people.length, cookie: `khien_session=${token}` };
}
