/**
 * The access matrix's fixtures for the inventory routes, and its rows for the separation of duties
 * on a level dossier (modules/inventory/dossier-duties.ts): the unit that submitted a dossier never
 * appraises, approves or returns it, whatever its grants — a system admin homed there included —
 * and only an authority granted above the owning unit does. Each row is called by every role of the
 * matrix (all homed in commune A, granted there) on a dossier inside commune A and one in commune B.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AssetInputSchema, SystemInputSchema, type Role } from '@khien/contracts';
import { ROLE_PERMISSIONS, type Actor } from '../../src/platform/policy.js';
import { getOrgRef } from '../../src/modules/orgs/index.js';
import { createSystem } from '../../src/modules/inventory/systems.service.js';
import { advanceDossier, classifySystem } from '../../src/modules/inventory/system-level.service.js';
import { getChecklist } from '../../src/modules/inventory/system-checklist.service.js';
import { createAsset } from '../../src/modules/inventory/assets.service.js';
import { createIpRange } from '../../src/modules/inventory/ipspace.service.js';
import { startImportFromPath } from '../../src/modules/inventory/index.js';
import type { WorkContext } from '../../src/modules/work/index.js';
import { listRegulationPacks } from '../../src/platform/regulations.js';
import { buildUser, SYSTEM, type TestApp } from '../harness.js';

/** The access matrix's vocabulary: where the record lies, the call a fixture makes, the fixture. */
export type Where = 'inside' | 'outside';
export interface Call {
  url: string;
  body?: unknown;
  csv?: string;
  /** multipart fields sent before the file */
  fields?: Record<string, string>;
}
export type Fixture = (where: Where, role: Role) => Promise<Call | null>;

export interface MatrixContext {
  t: () => TestApp;
  freshOrg: (w: Where, kind?: 'school' | 'agency') => Promise<string>;
  commune: (w: Where) => string;
  province: () => string;
  userIds: Map<Role, string>;
  work: WorkContext;
}

let n = 0;
const audit = { actor: SYSTEM, ip: null, requestId: null };

export function inventoryFixtures(ctx: MatrixContext): Record<string, Fixture> {
  const { freshOrg, commune, work } = ctx;
  const db = () => ctx.t().database.db;
  const today = new Date().toISOString().slice(0, 10);
  const system = async (w: Where, classify = false) => {
    const s = await createSystem(db(), SYSTEM, SystemInputSchema.parse({ orgId: await freshOrg(w), name: `Hệ thống ${++n}`, category: 'portal' }), audit);
    if (!classify) return { id: s.id, version: s.version, requirementId: '' };
    await classifySystem(db(), SYSTEM, s.id, { answers: {}, preview: false, version: s.version }, audit, work);
    const list = await getChecklist(db(), SYSTEM, s.id);
    return { id: s.id, version: s.version + 1, requirementId: list.groups[0]!.items[0]!.id };
  };
  const asset = async (w: Where) =>
    createAsset(db(), SYSTEM, AssetInputSchema.parse({ orgId: await freshOrg(w), kind: 'workstation', name: `Máy ${++n}` }), audit);
  const range = async (w: Where) =>
    createIpRange(
      db(),
      SYSTEM,
      { orgId: await freshOrg(w), range: `198.51.${n % 250}.${++n % 250}`, isp: '', validFrom: null, validTo: null, note: '' },
      audit,
    );
  const packId = () => listRegulationPacks()[0]!.id;
  return {
    'GET /api/v1/inventory/packs': async (w) => ({ url: `/api/v1/inventory/packs?orgId=${commune(w)}` }),
    'PUT /api/v1/inventory/packs': async (w) => ({ url: '/api/v1/inventory/packs', body: { orgId: await freshOrg(w), packId: packId() } }),
    'GET /api/v1/inventory/packs/:packId': async (w) => (w === 'inside' ? { url: `/api/v1/inventory/packs/${packId()}` } : null),
    'GET /api/v1/inventory/summary': async (w) => ({ url: `/api/v1/inventory/summary?orgId=${commune(w)}` }),
    'GET /api/v1/inventory/overview': async (w) => ({ url: `/api/v1/inventory/overview?orgId=${commune(w)}` }),
    'GET /api/v1/systems': async (w) => ({ url: `/api/v1/systems?under=${commune(w)}` }),
    'POST /api/v1/systems': async (w) => ({ url: '/api/v1/systems', body: { orgId: await freshOrg(w), name: `Mới ${++n}`, category: 'email' } }),
    'GET /api/v1/systems/:id': async (w) => ({ url: `/api/v1/systems/${(await system(w)).id}` }),
    'PATCH /api/v1/systems/:id': async (w) => ({ url: `/api/v1/systems/${(await system(w)).id}`, body: { purpose: 'Đổi', version: 1 } }),
    'DELETE /api/v1/systems/:id': async (w) => ({ url: `/api/v1/systems/${(await system(w)).id}?version=1` }),
    'POST /api/v1/systems/:id/classify': async (w) => ({ url: `/api/v1/systems/${(await system(w)).id}/classify`, body: { answers: {}, version: 1 } }),
    'GET /api/v1/systems/:id/classifications': async (w) => ({ url: `/api/v1/systems/${(await system(w, true)).id}/classifications` }),
    'POST /api/v1/systems/:id/dossier': async (w) => {
      const s = await system(w, true);
      return { url: `/api/v1/systems/${s.id}/dossier`, body: { status: 'submitted', on: today, version: s.version } };
    },
    'GET /api/v1/systems/:id/checklist': async (w) => ({ url: `/api/v1/systems/${(await system(w, true)).id}/checklist` }),
    'PUT /api/v1/systems/:id/checklist/:requirementId': async (w) => {
      const s = await system(w, true);
      return { url: `/api/v1/systems/${s.id}/checklist/${s.requirementId}`, body: { status: 'met' } };
    },
    'POST /api/v1/systems/:id/checklist/:requirementId/evidence': async (w) => {
      const s = await system(w, true);
      return { url: `/api/v1/systems/${s.id}/checklist/${s.requirementId}/evidence`, csv: 'biên bản' };
    },
    'GET /api/v1/assets': async (w) => ({ url: `/api/v1/assets?under=${commune(w)}` }),
    'POST /api/v1/assets': async (w) => ({ url: '/api/v1/assets', body: { orgId: await freshOrg(w), kind: 'server', name: `Máy chủ ${++n}` } }),
    'GET /api/v1/assets/:id': async (w) => ({ url: `/api/v1/assets/${(await asset(w)).id}` }),
    'PATCH /api/v1/assets/:id': async (w) => ({ url: `/api/v1/assets/${(await asset(w)).id}`, body: { location: 'Phòng 2', version: 1 } }),
    'DELETE /api/v1/assets/:id': async (w) => ({ url: `/api/v1/assets/${(await asset(w)).id}?version=1` }),
    'GET /api/v1/assets/:id/software': async (w) => ({ url: `/api/v1/assets/${(await asset(w)).id}/software` }),
    'GET /api/v1/ip-ranges': async (w) => ({ url: `/api/v1/ip-ranges?under=${commune(w)}` }),
    'POST /api/v1/ip-ranges': async (w) => ({ url: '/api/v1/ip-ranges', body: { orgId: await freshOrg(w), range: `192.0.2.${++n % 250}` } }),
    'PATCH /api/v1/ip-ranges/:id': async (w) => ({ url: `/api/v1/ip-ranges/${(await range(w)).id}`, body: { isp: 'VNPT', version: 1 } }),
    'DELETE /api/v1/ip-ranges/:id': async (w) => ({ url: `/api/v1/ip-ranges/${(await range(w)).id}?version=1` }),
    'POST /api/v1/inventory/imports': async (w) => ({
      url: '/api/v1/inventory/imports',
      fields: { orgId: await freshOrg(w), kind: 'ipspace', onError: 'keep', dryRun: 'true' },
      csv: `Dải IP,Nhà mạng\n203.0.113.${++n % 250},VNPT\n`,
    }),
    'GET /api/v1/inventory/imports': async (w) => ({ url: `/api/v1/inventory/imports?orgId=${commune(w)}` }),
    'GET /api/v1/inventory/imports/:id': async (w) => {
      const file = path.join(ctx.t().config.filesDir, `matrix-${++n}.csv`);
      fs.mkdirSync(ctx.t().config.filesDir, { recursive: true });
      fs.writeFileSync(file, 'Dải IP\n203.0.113.7\n');
      const id = await startImportFromPath(db(), SYSTEM, { orgId: await freshOrg(w), kind: 'ipspace', onError: 'keep', dryRun: true }, file, audit);
      return { url: `/api/v1/inventory/imports/${id}` };
    },
    'GET /api/v1/inventory/templates/:kind': async (w) => (w === 'inside' ? { url: '/api/v1/inventory/templates/assets?format=csv' } : null),
  };
}

export type Expected = '2xx' | '403' | '404';
export interface DutyRow {
  label: string;
  prepare: (w: Where, role: Role) => Promise<Call | null>;
  expected: (w: Where, role: Role) => Expected;
  /** the reason of a 403 to a role that holds inventory:write */
  reason?: string;
}

type ReviewStep = 'appraised' | 'approved' | 'returned';
const writes = (role: Role) => ROLE_PERMISSIONS[role].includes('inventory:write');

/** The dossier-step rows: three steps × who submitted and whose system it is. */
export function dossierDutyRows(ctx: MatrixContext): DutyRow[] {
  const db = () => ctx.t().database.db;
  const today = new Date().toISOString().slice(0, 10);
  const pathOf = async (orgId: string) => (await getOrgRef(db(), orgId))!.path;
  const actorOf = (userId: string, role: Role, orgPath: string | null): Actor => ({
    kind: 'user',
    userId,
    tokenId: null,
    label: `${role} ${userId.slice(0, 4)}`,
    grants: [{ role, orgPath }],
    tokenLimit: null,
  });
  /** a unit officer of the org, homed there */
  const officerOf = async (orgId: string) => actorOf((await buildUser(ctx.t(), { homeOrgId: orgId })).id, 'unit_officer', await pathOf(orgId));
  let appraiser: Actor | undefined;
  /** the province's coordinator, homed at the province: the authority above every unit of the matrix */
  const provinceAppraiser = async () =>
    (appraiser ??= actorOf((await buildUser(ctx.t(), { homeOrgId: ctx.province(), totp: false })).id, 'province_coordinator', await pathOf(ctx.province())));
  const step = (s: ReviewStep, version: number) => ({
    status: s,
    on: today,
    version,
    ...(s === 'approved' ? { decisionNumber: `${++n}/QĐ-UBND` } : {}),
    ...(s === 'returned' ? { note: 'Bổ sung phương án' } : {}),
  });
  /** a classified system of `ownerOrgId` whose dossier `submitter` submitted, appraised by the province when the step is approval */
  const dossier = async (ownerOrgId: string, submitter: Actor, s: ReviewStep): Promise<Call> => {
    const sys = await createSystem(db(), SYSTEM, SystemInputSchema.parse({ orgId: ownerOrgId, name: `Hồ sơ ${++n}`, category: 'portal' }), audit);
    await classifySystem(db(), SYSTEM, sys.id, { answers: {}, preview: false, version: sys.version }, audit, ctx.work);
    const as = (a: Actor) => ({ actor: a, ip: null, requestId: null });
    let cur = await advanceDossier(
      db(),
      submitter,
      sys.id,
      { status: 'submitted', on: today, decisionNumber: null, note: '', version: sys.version + 1 },
      as(submitter),
      ctx.work,
    );
    if (s === 'approved') {
      const p = await provinceAppraiser();
      cur = await advanceDossier(db(), p, sys.id, { status: 'appraised', on: today, decisionNumber: null, note: '', version: cur.version }, as(p), ctx.work);
    }
    return { url: `/api/v1/systems/${sys.id}/dossier`, body: step(s, cur.version) };
  };
  const fromOutsideOnlyAdmin = (w: Where, role: Role, inside: Expected): Expected => (w === 'outside' ? (role === 'system_admin' ? '2xx' : '404') : inside);

  return (['appraised', 'approved', 'returned'] as const).flatMap((s): DutyRow[] => [
    {
      label: `${s}: a unit below submitted — its authority above records the step`,
      prepare: async (w) => {
        const school = await ctx.freshOrg(w);
        return dossier(school, await officerOf(school), s);
      },
      expected: (w, role) => fromOutsideOnlyAdmin(w, role, writes(role) ? '2xx' : '403'),
    },
    {
      label: `${s}: the caller's own org submitted — refused to all of it, a system admin homed there too`,
      prepare: async (w) => dossier(ctx.commune(w), await officerOf(ctx.commune(w)), s),
      expected: (w, role) => fromOutsideOnlyAdmin(w, role, '403'),
      reason: 'own_dossier',
    },
    {
      label: `${s}: the caller submitted it for a unit below — never their own appraiser`,
      prepare: async (w, role) => {
        if (w === 'outside') return null;
        const school = await ctx.freshOrg(w);
        const caller = actorOf(ctx.userIds.get(role)!, role, role === 'system_admin' ? null : await pathOf(ctx.commune(w)));
        return dossier(school, writes(role) ? caller : await officerOf(school), s);
      },
      expected: () => '403',
      reason: 'own_dossier',
    },
  ]);
}
