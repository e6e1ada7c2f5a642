/**
 * Flow 3 end to end through the API: a Wazuh alert posted the way Wazuh's own Shuffle integration
 * posts it, for a school's PC, routed by its agent to the school, told to the school's duty
 * officer, escalated across the tree when nobody acknowledges it, acknowledged, raised again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { processDueAlerts } from '../src/modules/alerts/index.js';
import { createTestApp, signIn, type TestApp } from './harness.js';
import { buildAlertsTree, notificationsOf, post, realWazuhAlert, shuffleBody, type AlertsTree } from './support/alerts-testbed.js';

let t: TestApp;
let tree: AlertsTree;
const MIN = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildAlertsTree(t, '003');
});
afterAll(async () => t.close());

function wazuhFor(agentId: string, id: string, level = 12) {
  const a = realWazuhAlert();
  return { ...a, id, agent: { id: agentId, name: `pc-thcs-${agentId}` }, rule: { ...a.rule, level } };
}

async function alertRow(id: string) {
  const [r] = await queryRows<{
    org_id: string;
    status: string;
    routed_by: string;
    count: number;
    severity: string;
    escalation_step: number;
    ack_due_at: Date;
    received_at: Date;
  }>(t.database.db, sql`select org_id, status, routed_by, count, severity, escalation_step, ack_due_at, received_at from alerts where id = ${id}`);
  return r!;
}
async function lastAlertId(): Promise<string> {
  const [r] = await queryRows<{ id: string }>(t.database.db, sql`select id from alerts order by received_at desc, id desc limit 1`);
  return r!.id;
}

describe('a Wazuh alert for a school, as Wazuh posts it', () => {
  let id: string;
  it('is stored before the 2xx, routed by its agent to the school and told to its duty officer', async () => {
    const res = await post(t, tree.token, 'wazuh-shuffle', shuffleBody(wazuhFor('003', '1652272159.1549653')));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    id = await lastAlertId();
    const done = await processDueAlerts(t.database.db);
    expect(done.routed).toBeGreaterThanOrEqual(1);
    const row = await alertRow(id);
    expect(row.org_id).toBe(tree.school);
    expect(row.routed_by).toBe('agent');
    // Wazuh level 12 → high: acknowledge within an hour under the default policy
    expect(row.severity).toBe('high');
    expect(new Date(row.ack_due_at).getTime() - new Date(row.received_at).getTime()).toBe(60 * MIN);
    const told = await notificationsOf(t, tree.schoolDuty.id, 'alert.new');
    expect(told.map((n) => n.link)).toContain(`/alerts/${id}`);
    // the other commune's school hears nothing of it
    expect(await notificationsOf(t, tree.otherSchoolOfficer.id, 'alert.new')).toEqual([]);
  });

  it('a repeat of the same alert raises the count, not a second alert', async () => {
    const res = await post(t, tree.token, 'wazuh-shuffle', shuffleBody(wazuhFor('003', '1652272159.1549653')));
    expect(res.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(Number((await alertRow(id)).count)).toBe(2);
  });

  it('the duty officer sees it on their queue with why it went there; the other commune gets 404', async () => {
    const duty = await signIn(t, tree.schoolDuty);
    const list = (await duty.get('/api/v1/alerts?mine=1')).json() as { items: { id: string; orgName: string }[] };
    expect(list.items.map((a) => a.id)).toContain(id);
    const detail = (await duty.get(`/api/v1/alerts/${id}`)).json() as {
      route: { code: string; params: Record<string, string> }[];
      actions: string[];
      timeline: { kind: string }[];
    };
    expect(detail.route[0]).toEqual({ code: 'agent', params: { agent: '003', asset: 'PC phòng máy 003' } });
    expect(detail.actions).toContain('acknowledge');
    expect(detail.timeline.map((e) => e.kind)).toEqual(['received', 'routed', 'notified']);
    const other = await signIn(t, tree.otherSchoolOfficer);
    expect((await other.get(`/api/v1/alerts/${id}`)).statusCode).toBe(404);
  });

  it('not acknowledged in time, it climbs the chain: the unit head at the deadline, the commune police 15 min later, PA05 after 30', async () => {
    const due = new Date((await alertRow(id)).ack_due_at);
    await processDueAlerts(t.database.db, new Date(due.getTime() + 1000));
    expect((await notificationsOf(t, tree.schoolOfficer.id, 'alert.escalated')).length).toBe(1);
    expect(await notificationsOf(t, tree.communePoliceDuty.id, 'alert.escalated')).toEqual([]);
    await processDueAlerts(t.database.db, new Date(due.getTime() + 16 * MIN));
    expect((await notificationsOf(t, tree.communePoliceDuty.id, 'alert.escalated')).length).toBe(1);
    expect((await notificationsOf(t, tree.communeCoordinator.id, 'alert.escalated')).length).toBe(1);
    await processDueAlerts(t.database.db, new Date(due.getTime() + 31 * MIN));
    expect((await notificationsOf(t, tree.provinceDuty.id, 'alert.escalated')).length).toBe(1);
    // running again tells nobody twice
    await processDueAlerts(t.database.db, new Date(due.getTime() + 40 * MIN));
    expect((await notificationsOf(t, tree.provinceDuty.id, 'alert.escalated')).length).toBe(1);
    expect(Number((await alertRow(id)).escalation_step)).toBe(4);
  });

  it('acknowledged with one tap, it stops climbing and is raised again if left open', async () => {
    const duty = await signIn(t, tree.schoolDuty);
    const before = (await duty.get(`/api/v1/alerts/${id}`)).json() as { version: number };
    const res = await duty.send('POST', `/api/v1/alerts/${id}/actions`, { action: 'acknowledge', version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'acknowledged', acknowledgedByName: expect.any(String) });
    // a second tap with the old version: someone acted meanwhile
    expect((await duty.send('POST', `/api/v1/alerts/${id}/actions`, { action: 'resolve', version: before.version })).statusCode).toBe(409);
    await processDueAlerts(t.database.db, new Date(Date.now() + 241 * MIN));
    expect((await notificationsOf(t, tree.schoolDuty.id, 'alert.reraised')).length).toBe(1);
    const audit = await queryRows(t.database.db, sql`select action from audit_log where entity_id = ${id}`);
    expect(audit).toEqual([{ action: 'alert.acknowledged' }]);
  });
});

describe('routing when the inventory does not know the machine', () => {
  it('an address in a school’s IP space goes to that school', async () => {
    const res = await post(t, tree.token, 'generic', {
      id: 'ip-1',
      title: 'Kết nối tới máy chủ điều khiển botnet',
      severity: 'critical',
      ips: ['203.0.113.5'],
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = await lastAlertId();
    await processDueAlerts(t.database.db);
    const r = await alertRow(id);
    expect(r.routed_by).toBe('ip_range');
  });

  it('an unknown agent goes to the coordinator above the sender, with the reason', async () => {
    await post(t, tree.token, 'wazuh', wazuhFor('999', 'unknown-1'));
    const id = await lastAlertId();
    await processDueAlerts(t.database.db);
    const r = await alertRow(id);
    expect(r.routed_by).toBe('fallback');
    expect(r.org_id).toBe(tree.province);
    const coord = await signIn(t, tree.provinceCoordinator);
    const detail = (await coord.get(`/api/v1/alerts/${id}`)).json() as { route: { code: string }[] };
    expect(detail.route.map((x) => x.code)).toEqual(['unknown_agent', 'no_owner_found', 'fallback_coordinator']);
    // nobody on duty at the province itself: the chain moves on at once, and the coordinator is told
    expect((await notificationsOf(t, tree.provinceCoordinator.id, 'alert.escalated')).length).toBeGreaterThanOrEqual(1);
  });

  it('a rule of the province coordinator comes first, and the test box shows where a sample would go', async () => {
    const coord = await signIn(t, tree.provinceCoordinator);
    const rule = await coord.send('POST', '/api/v1/alerts/rules', {
      orgId: tree.province,
      name: 'Botnet → Công an phường',
      match: { textContains: 'botnet' },
      action: { routeToOrgId: tree.communePolice, setSeverity: 'critical' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const test = await coord.send('POST', '/api/v1/alerts/rules/test', {
      orgId: tree.province,
      format: 'generic',
      sample: { title: 'Máy nhiễm mã độc BOTNET Mirai', severity: 'low' },
    });
    expect(test.json()).toMatchObject({ alerts: [{ orgId: tree.communePolice, routedBy: 'rule', severity: 'critical' }] });
    const outside = await coord.send('POST', '/api/v1/alerts/rules', {
      orgId: tree.province,
      name: 'x',
      match: { ruleId: '1' },
      action: { routeToOrgId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(outside.statusCode).toBe(400);
  });
});

describe('bad input', () => {
  it('a body that is not JSON: 422 with the reason, counted for the sender', async () => {
    const res = await post(t, tree.token, 'generic', '{"title": ');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'ALERT_REJECTED', details: { problems: [{ code: 'invalid_json' }] } } });
    const [r] = await queryRows<{ rejected: number }>(t.database.db, sql`select rejected from alert_rejections`);
    expect(Number(r!.rejected)).toBeGreaterThanOrEqual(1);
  });
  it('a batch with one bad item: the good ones stored, the bad one named', async () => {
    const res = await post(t, tree.token, 'generic', { alerts: [{ title: 'Tốt' }, { severity: 'high' }] });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 1, rejected: [{ index: 1 }] });
  });
  it('NUL characters and half surrogate pairs (which PostgreSQL cannot hold) are dropped, the alert kept', async () => {
    const body = `{"id":"nul-1","title":"M\\u0000ã độc \\ud800x","labels":{"k\\u0000ey":"v\\udc00"},"host":{"name":"pc-thcs-003"}}`;
    const res = await post(t, tree.token, 'generic', body);
    expect(res.statusCode, res.body).toBe(202);
    const [r] = await queryRows<{ title: string }>(t.database.db, sql`select title from alerts where dedup_key like '%nul-1%' or title like 'Mã độc%'`);
    expect(r!.title).toBe('Mã độc \uFFFDx');
  });
  it('a body over 10 MB: 413', async () => {
    const res = await post(t, tree.token, 'generic', `{"title":"${'a'.repeat(10 * 1024 * 1024 + 10)}"}`);
    expect(res.statusCode).toBe(413);
  });
  it('no token: 401; a token without alert:ingest: 403', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/alerts/intake/generic', payload: '{"title":"x"}', headers: { 'content-type': 'application/json' } }))
        .statusCode,
    ).toBe(401);
    expect((await post(t, 'khien_bogus_token', 'generic', { title: 'x' })).statusCode).toBe(401);
  });
  it('the Shuffle integration’s key in the URL works as well as the header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/alerts/intake/wazuh-shuffle?token=${encodeURIComponent(tree.token)}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(shuffleBody(wazuhFor('003', 'url-key-1'))),
    });
    expect(res.statusCode, res.body).toBe(202);
  });
  it('an alert from the future or a week old is kept with both times', async () => {
    await post(t, tree.token, 'generic', {
      id: 'future-1',
      title: 'Đồng hồ lệch',
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
      host: { name: 'pc-thcs-003' },
    });
    const id = await lastAlertId();
    await processDueAlerts(t.database.db);
    const coord = await signIn(t, tree.provinceCoordinator);
    const d = (await coord.get(`/api/v1/alerts/${id}`)).json() as { clockSkew: string; occurredAt: string; receivedAt: string };
    expect(d.clockSkew).toBe('future');
    expect(new Date(d.occurredAt).getTime()).toBeGreaterThan(new Date(d.receivedAt).getTime());
  });
});

describe('a flood', () => {
  it('is answered with 429 and Retry-After, never dropped in silence', async () => {
    const small = await createTestApp({ KHIEN_INTAKE_RATE: '2' });
    try {
      const tr = await buildAlertsTree(small, 'flood');
      const codes: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 8; i++) {
        const res = await post(small, tr.token, 'generic', { id: `f${i}`, title: `Lũ ${i}` });
        codes.push(res.statusCode);
        if (res.statusCode === 429) retryAfter = String(res.headers['retry-after']);
      }
      expect(codes.filter((c) => c === 202).length).toBe(4);
      expect(codes.filter((c) => c === 429).length).toBe(4);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const [n] = await queryRows<{ n: number }>(small.database.db, sql`select count(*)::int as n from alerts`);
      expect(n!.n).toBe(4);
    } finally {
      await small.close();
    }
  });
});
