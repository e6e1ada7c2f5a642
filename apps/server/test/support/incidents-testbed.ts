import { sql } from 'drizzle-orm';
import { SystemInputSchema } from '@khien/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { processDueAlerts } from '../../src/modules/alerts/index.js';
import { createSystem } from '../../src/modules/inventory/systems.service.js';
import { buildOrg, buildUser, SYSTEM, type TestApp, type TestUser } from '../harness.js';
import { buildAlertsTree, post, realWazuhAlert, shuffleBody, type AlertsTree } from './alerts-testbed.js';

const audit = { actor: SYSTEM, ip: null, requestId: null };

export interface IncidentsTree extends AlertsTree {
  /** the provincial response team: an org of its own, outside the school's subtree */
  team: string;
  teamMember: TestUser;
  /** a level-3 system of the school, its PC linked to it */
  system: string;
}

/**
 * The alerts tree plus a level-3 information system at the school (its monitored PC part of it)
 * and the provincial response team as an org beside the communes, with one member.
 */
export async function buildIncidentsTree(t: TestApp, tag: string, opts: { pack?: 'vn-nd85-2016' | 'vn-nd331-2026' } = {}): Promise<IncidentsTree> {
  const tree = await buildAlertsTree(t, tag);
  const team = (await buildOrg(t, { parentId: tree.province, name: `Đội ứng cứu sự cố tỉnh ${tag}`, kind: 'police' })).id;
  const teamMember = await buildUser(t, { homeOrgId: team, grants: [{ role: 'unit_officer', orgId: team }] });
  const system = await createSystem(
    t.database.db,
    SYSTEM,
    SystemInputSchema.parse({ orgId: tree.school, name: `Cổng thông tin trường ${tag}`, category: 'portal', internetFacing: true }),
    audit,
  );
  // created a day ago, so a detection time today is after the system existed
  await t.database.db.execute(sql`update info_systems set level = 3, pack_id = 'vn-nd331-2026', pack_version = '1.0.0',
                                    created_at = now() - interval '1 day' where id = ${system.id}`);
  await t.database.db.execute(sql`insert into asset_systems (asset_id, system_id) values (${tree.schoolAsset}, ${system.id})`);
  if (opts.pack) await t.database.db.execute(sql`insert into regulation_choices (org_id, pack_id) values (${tree.province}, ${opts.pack})`);
  return { ...tree, team, teamMember, system: system.id };
}

/** A Wazuh alert for the school's PC, as Wazuh posts it, routed; its id. */
export async function schoolAlert(t: TestApp, tree: IncidentsTree, id: string, level = 12): Promise<string> {
  const a = realWazuhAlert();
  const tag = (
    await queryRows<{ key: string }>(t.database.db, sql`select key from asset_identities where asset_id = ${tree.schoolAsset} limit 1`)
  )[0]!.key.split(':')[1]!;
  const res = await post(t, tree.token, 'wazuh-shuffle', shuffleBody({ ...a, id, agent: { id: tag, name: `pc-thcs-${tag}` }, rule: { ...a.rule, level } }));
  if (res.statusCode !== 202) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  await processDueAlerts(t.database.db);
  const [r] = await queryRows<{ id: string }>(t.database.db, sql`select id from alerts where dedup_key like ${`%${id}%`} order by received_at desc limit 1`);
  return r!.id;
}
