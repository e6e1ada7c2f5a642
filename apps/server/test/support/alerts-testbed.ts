import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { AssetInputSchema, IpRangeInputSchema, type Permission } from '@khien/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { createAsset } from '../../src/modules/inventory/assets.service.js';
import { createIpRange } from '../../src/modules/inventory/ipspace.service.js';
import { buildOrg, buildUser, SYSTEM, type TestApp, type TestUser } from '../harness.js';

const audit = { actor: SYSTEM, ip: null, requestId: null };
const WAZUH = path.resolve(import.meta.dirname, '../../../../../shared/data/wazuh/alerts_from_wazuh_tests.jsonl');

/** The first real Wazuh 4.x alert of ../shared/data, as alerts.json holds it. */
export function realWazuhAlert(): Record<string, unknown> & { agent: { id: string; name: string }; rule: { level: number; id: string; description: string } } {
  return JSON.parse(fs.readFileSync(WAZUH, 'utf8').split('\n')[0]!) as never;
}

/**
 * The body Wazuh 4.x's integrations/shuffle.py posts (read there, written out here): severity
 * 1/2/3 from the rule level, the description as title, full_log as text, the alert as all_fields.
 */
export function shuffleBody(alert: ReturnType<typeof realWazuhAlert>): Record<string, unknown> {
  const level = alert.rule.level;
  return {
    severity: level <= 4 ? 1 : level <= 7 ? 2 : 3,
    pretext: 'WAZUH Alert',
    title: alert.rule.description,
    text: (alert as { full_log?: string }).full_log ?? null,
    rule_id: alert.rule.id,
    timestamp: alert.timestamp,
    id: alert.id,
    all_fields: alert,
  };
}

export interface AlertsTree {
  province: string;
  commune: string;
  communePolice: string;
  provincePolice: string;
  school: string;
  otherCommune: string;
  schoolDuty: TestUser;
  schoolOfficer: TestUser;
  communePoliceDuty: TestUser;
  communeCoordinator: TestUser;
  provinceCoordinator: TestUser;
  provinceDuty: TestUser;
  otherSchoolOfficer: TestUser;
  token: string;
  schoolAsset: string;
}

/** A province with a ward, its police and a school that owns a Wazuh-monitored PC; one person per link of the chain. */
export async function buildAlertsTree(t: TestApp, tag: string): Promise<AlertsTree> {
  const province = (await buildOrg(t, { name: `Tỉnh Cảnh Báo ${tag}`, kind: 'province' })).id;
  const provincePolice = (await buildOrg(t, { parentId: province, name: `Công an tỉnh ${tag}`, kind: 'police' })).id;
  const commune = (await buildOrg(t, { parentId: province, name: `Phường Một ${tag}`, kind: 'ward' })).id;
  const communePolice = (await buildOrg(t, { parentId: commune, name: `Công an phường Một ${tag}`, kind: 'police' })).id;
  const school = (await buildOrg(t, { parentId: commune, name: `Trường THCS Một ${tag}`, kind: 'school' })).id;
  const otherCommune = (await buildOrg(t, { parentId: province, name: `Xã Hai ${tag}`, kind: 'commune' })).id;
  const otherSchool = (await buildOrg(t, { parentId: otherCommune, name: `Trường TH Hai ${tag}`, kind: 'school' })).id;
  const schoolDuty = await buildUser(t, { homeOrgId: school, grants: [{ role: 'duty_officer', orgId: school }] });
  const schoolOfficer = await buildUser(t, { homeOrgId: school, grants: [{ role: 'unit_officer', orgId: school }] });
  const communePoliceDuty = await buildUser(t, { homeOrgId: communePolice, grants: [{ role: 'duty_officer', orgId: communePolice }] });
  const communeCoordinator = await buildUser(t, { homeOrgId: commune, grants: [{ role: 'commune_coordinator', orgId: commune }] });
  const provinceCoordinator = await buildUser(t, { homeOrgId: provincePolice, grants: [{ role: 'province_coordinator', orgId: province }] });
  const provinceDuty = await buildUser(t, { homeOrgId: provincePolice, grants: [{ role: 'duty_officer', orgId: provincePolice }] });
  const otherSchoolOfficer = await buildUser(t, { homeOrgId: otherSchool, grants: [{ role: 'unit_officer', orgId: otherSchool }] });
  const asset = await createAsset(
    t.database.db,
    SYSTEM,
    AssetInputSchema.parse({ orgId: school, kind: 'workstation', name: `PC phòng máy ${tag}`, hostname: `pc-thcs-${tag}`, ipAddresses: ['10.20.30.40'] }),
    audit,
  );
  // the agent id Wazuh gives this PC, as an inventory import from Wazuh records it
  await t.database.db.execute(sql`insert into asset_identities (scope_org_id, key, asset_id) values (${school}, ${'wazuh-agent:' + tag}, ${asset.id})`);
  await createIpRange(t.database.db, SYSTEM, IpRangeInputSchema.parse({ orgId: otherSchool, range: '203.0.113.0/28', isp: 'VNPT' }), audit);
  const actor = { ...SYSTEM, userId: provinceCoordinator.id, grants: [{ role: 'province_coordinator' as const, orgPath: await pathOf(t, province) }] };
  const { secret } = await createToken(
    t.database.db,
    actor,
    { name: `wazuh-${tag}`, orgId: province, permissions: ['alert:ingest'] as Permission[], expiresInDays: 30 },
    audit,
  );
  return {
    province,
    commune,
    communePolice,
    provincePolice,
    school,
    otherCommune,
    schoolDuty,
    schoolOfficer,
    communePoliceDuty,
    communeCoordinator,
    provinceCoordinator,
    provinceDuty,
    otherSchoolOfficer,
    token: secret,
    schoolAsset: asset.id,
  };
}

export async function pathOf(t: TestApp, orgId: string): Promise<string> {
  const [r] = await queryRows<{ path: string }>(t.database.db, sql`select path::text as path from orgs where id = ${orgId}`);
  return r!.path;
}

export async function notificationsOf(t: TestApp, userId: string, kind: string): Promise<{ link: string | null; params: Record<string, unknown> }[]> {
  return queryRows(t.database.db, sql`select link, params from notifications where user_id = ${userId} and kind = ${kind} order by created_at`);
}

export function post(t: TestApp, token: string, format: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/alerts/intake/${format}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
