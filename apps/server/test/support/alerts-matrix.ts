/**
 * The access matrix's fixtures for the duty and alert routes. Every role of the matrix is homed
 * and granted in commune A; a record "inside" lies under commune A, "outside" under commune B.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { buildUser } from '../harness.js';
import type { Fixture, MatrixContext, Where } from './inventory-matrix.js';

let n = 0;
const H = 3_600_000;

export function dutyAlertFixtures(ctx: MatrixContext): Record<string, Fixture> {
  const { freshOrg, commune } = ctx;
  const db = () => ctx.t().database.db;
  const iso = (ms: number) => new Date(ms).toISOString();
  /** an org under the commune with one person of its own, for rosters */
  const staffedOrg = async (w: Where) => {
    const org = await freshOrg(w);
    const u = await buildUser(ctx.t(), { homeOrgId: org, email: `duty${++n}@matrix.vn` });
    return { org, user: u.id };
  };
  const rotation = async (w: Where) => {
    const s = await staffedOrg(w);
    const [r] = await queryRows<{ id: string }>(
      db(),
      sql`insert into duty_rotations (org_id, name, starts_at, length_kind, length_hours, participant_ids)
          values (${s.org}, 'Trực ma trận', ${new Date(Date.now() + 24 * H)}, 'daily', 24, ${`{${s.user},${s.user}}`}::uuid[]) returning id`,
    );
    return { ...s, id: r!.id };
  };
  const override = async (w: Where) => {
    const s = await staffedOrg(w);
    const [o] = await queryRows<{ id: string }>(
      db(),
      sql`insert into duty_overrides (org_id, starts_at, ends_at, user_id) values (${s.org}, now(), now() + interval '1 hour', ${s.user}) returning id`,
    );
    return o!.id;
  };
  /** an alert already routed to an org of the commune */
  const alert = async (w: Where) => {
    const org = await freshOrg(w);
    const [a] = await queryRows<{ id: string }>(
      db(),
      sql`insert into alerts (sender_org_id, sender_label, dedup_key, format, title, severity, org_id, commune_org_id, routed_at, routed_by)
          values (${commune(w)}, 'ma trận', ${`m${++n}`}, 'generic', 'Cảnh báo ma trận', 'high', ${org}, ${commune(w)}, now(), 'agent') returning id`,
    );
    return a!.id;
  };
  const rule = async (w: Where) => {
    const [r] = await queryRows<{ id: string }>(
      db(),
      sql`insert into alert_rules (scope_org_id, name, match, action) values (${commune(w)}, 'Luật ma trận', '{"ruleId":"5712"}'::jsonb, '{"setSeverity":"high"}'::jsonb) returning id`,
    );
    return r!.id;
  };
  const channel = async (w: Where) => {
    const [c] = await queryRows<{ id: string }>(
      db(),
      sql`insert into alert_channels (org_id, name, url, secret) values (${commune(w)}, 'Zalo OA', 'http://127.0.0.1:9/hook', 'whsec_dGVzdA==') returning id`,
    );
    return c!.id;
  };
  const range = (w: Where) => `orgId=${commune(w)}&from=${iso(Date.now())}&to=${iso(Date.now() + 7 * 24 * H)}`;
  return {
    'GET /api/v1/duty/now': async (w) => ({ url: `/api/v1/duty/now?orgId=${commune(w)}` }),
    'GET /api/v1/duty/people': async (w) => ({ url: `/api/v1/duty/people?orgId=${commune(w)}` }),
    'GET /api/v1/duty/calendar': async (w) => ({ url: `/api/v1/duty/calendar?${range(w)}` }),
    'GET /api/v1/duty/coverage': async (w) => ({ url: `/api/v1/duty/coverage?orgId=${(await rotation(w)).org}` }),
    'GET /api/v1/duty/export.ics': async (w) => ({ url: `/api/v1/duty/export.ics?${range(w)}` }),
    'GET /api/v1/duty/export.xlsx': async (w) => ({ url: `/api/v1/duty/export.xlsx?${range(w)}` }),
    'POST /api/v1/duty/rotations': async (w) => {
      const s = await staffedOrg(w);
      return {
        url: '/api/v1/duty/rotations',
        body: { orgId: s.org, name: 'Trực', startsAt: iso(Date.now() + H), length: { kind: 'weekly' }, participantIds: [s.user] },
      };
    },
    'PATCH /api/v1/duty/rotations/:id': async (w) => ({ url: `/api/v1/duty/rotations/${(await rotation(w)).id}`, body: { name: 'Trực đêm', version: 1 } }),
    'DELETE /api/v1/duty/rotations/:id': async (w) => ({ url: `/api/v1/duty/rotations/${(await rotation(w)).id}` }),
    'POST /api/v1/duty/rotations/:id/swap': async (w) => {
      // two people, so shifts 0 and 1 have different people to trade
      const r = await rotation(w);
      const other = await buildUser(ctx.t(), { homeOrgId: r.org, email: `duty${++n}@matrix.vn` });
      await db().execute(sql`update duty_rotations set participant_ids = ${`{${r.user},${other.id}}`}::uuid[] where id = ${r.id}`);
      return { url: `/api/v1/duty/rotations/${r.id}/swap`, body: { shiftA: 0, shiftB: 1 } };
    },
    'POST /api/v1/duty/overrides': async (w) => {
      const s = await staffedOrg(w);
      return { url: '/api/v1/duty/overrides', body: { orgId: s.org, start: iso(Date.now()), end: iso(Date.now() + H), userId: s.user } };
    },
    'DELETE /api/v1/duty/overrides/:id': async (w) => ({ url: `/api/v1/duty/overrides/${await override(w)}` }),
    'POST /api/v1/duty/import': async (w) => ({
      url: `/api/v1/duty/import?orgId=${commune(w)}&dryRun=1`,
      csv: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
    }),
    'POST /api/v1/alerts/intake/:format': async (w) => ({ url: `/api/v1/alerts/intake/generic?orgId=${commune(w)}`, body: { title: `Ma trận ${++n}` } }),
    'GET /api/v1/alerts': async (w) => ({ url: `/api/v1/alerts?orgId=${commune(w)}` }),
    'GET /api/v1/alerts/board': async (w) => ({ url: `/api/v1/alerts/board?orgId=${commune(w)}` }),
    // an endless event stream: alerts-stream.test.ts checks who may open it, over a real socket
    'GET /api/v1/alerts/stream': async () => null,
    'GET /api/v1/alerts/:id': async (w) => ({ url: `/api/v1/alerts/${await alert(w)}` }),
    'POST /api/v1/alerts/:id/actions': async (w) => ({
      url: `/api/v1/alerts/${await alert(w)}/actions`,
      body: { action: 'note', comment: 'Đã gọi điện cho đơn vị' },
    }),
    'GET /api/v1/alerts/rules': async (w) => (w === 'inside' ? { url: '/api/v1/alerts/rules' } : null),
    'POST /api/v1/alerts/rules': async (w) => ({
      url: '/api/v1/alerts/rules',
      body: { orgId: commune(w), name: 'Wazuh 5712', match: { ruleId: '5712' }, action: { setSeverity: 'high' } },
    }),
    'PATCH /api/v1/alerts/rules/:id': async (w) => ({ url: `/api/v1/alerts/rules/${await rule(w)}`, body: { enabled: false, version: 1 } }),
    'DELETE /api/v1/alerts/rules/:id': async (w) => ({ url: `/api/v1/alerts/rules/${await rule(w)}` }),
    'POST /api/v1/alerts/rules/test': async (w) => ({
      url: '/api/v1/alerts/rules/test',
      body: { orgId: commune(w), format: 'generic', sample: { title: 'Thử' } },
    }),
    'GET /api/v1/alerts/policy': async (w) => ({ url: `/api/v1/alerts/policy?orgId=${commune(w)}` }),
    // a policy is set per province; the matrix's grants are on communes, so alerts.test.ts sets one as the province coordinator
    'PUT /api/v1/alerts/policy': async (w, role) =>
      role === 'system_admin' || (w === 'inside' && role === 'province_coordinator')
        ? null
        : { url: `/api/v1/alerts/policy?orgId=${commune(w)}`, body: { ...POLICY, version: 0 } },
    'GET /api/v1/alerts/channels': async (w) => (w === 'inside' ? { url: '/api/v1/alerts/channels' } : null),
    'POST /api/v1/alerts/channels': async (w) => ({
      url: '/api/v1/alerts/channels',
      body: { orgId: commune(w), name: 'Telegram', url: 'https://127.0.0.1:9/hook' },
    }),
    'DELETE /api/v1/alerts/channels/:id': async (w) => ({ url: `/api/v1/alerts/channels/${await channel(w)}` }),
  };
}

const POLICY = {
  ackMinutes: { critical: 15, high: 60, medium: 240, low: 1440, info: 0 },
  reraiseMinutes: { critical: 60, high: 240, medium: 1440, low: 0, info: 0 },
  chain: [{ afterMinutes: 0, label: 'Trực đơn vị', targets: [{ who: 'on_duty', org: 'owner' }] }],
};
