/**
 * What leaves the building: signed outbound webhooks (Standard Webhooks) to a real local HTTP
 * server, with the channel's throttle; the province's own escalation policy; and the live
 * stream of changes over a real socket, only what the reader may see.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { verifyStandardWebhook } from '@khien/formats';
import { queryRows } from '../src/platform/db/client.js';
import { deliverPending, processDueAlerts } from '../src/modules/alerts/index.js';
import { createTestApp, signIn, type TestApp } from './harness.js';
import { buildAlertsTree, notificationsOf, post, type AlertsTree } from './support/alerts-testbed.js';

let t: TestApp;
let tree: AlertsTree;
let hook: http.Server;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let status = 200;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildAlertsTree(t, 'dlv');
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
});
afterAll(async () => {
  await new Promise<void>((r) => hook.close(() => r()));
  await t.close();
});

describe('a channel (a Zalo OA / Telegram / SMS bridge)', () => {
  let secret: string;
  it('gets every step of its subtree’s alerts, signed per Standard Webhooks, throttled per minute but never dropped', async () => {
    const coord = await signIn(t, tree.provinceCoordinator);
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/zalo`;
    const res = await coord.send('POST', '/api/v1/alerts/channels', { orgId: tree.province, name: 'Zalo OA tỉnh', url, minSeverity: 'high', perMinute: 2 });
    expect(res.statusCode, res.body).toBe(201);
    secret = res.json().secret;
    expect(secret).toMatch(/^whsec_/);
    // three serious alerts and one low one (under the channel's threshold)
    for (const [i, sev] of (['critical', 'critical', 'high', 'low'] as const).entries()) {
      expect((await post(t, tree.token, 'generic', { id: `ch-${i}`, title: `Mã độc ${i}`, severity: sev, host: { name: 'pc-thcs-dlv' } })).statusCode).toBe(
        202,
      );
    }
    await processDueAlerts(t.database.db);
    const first = await deliverPending(t.database.db);
    expect(first).toMatchObject({ sent: 2, failed: 0, deferred: 1 });
    expect(received).toHaveLength(2);
    for (const r of received) {
      const headers = {
        'webhook-id': String(r.headers['webhook-id']),
        'webhook-timestamp': String(r.headers['webhook-timestamp']),
        'webhook-signature': String(r.headers['webhook-signature']),
      };
      expect(verifyStandardWebhook(secret, headers, r.body)).toBe(true);
      expect(verifyStandardWebhook(secret, headers, r.body.replace('Mã', 'Ma'))).toBe(false);
      expect(JSON.parse(r.body)).toMatchObject({ type: 'alert.new', data: { severity: expect.stringMatching(/critical|high/), org: expect.any(String) } });
    }
    // the third waits for the next minute, then goes
    const later = await deliverPending(t.database.db, { now: new Date(Date.now() + 61_000) });
    expect(later.sent).toBe(1);
    expect(received).toHaveLength(3);
  });

  it('a failing endpoint is retried with backoff and shown on the channel', async () => {
    status = 503;
    await post(t, tree.token, 'generic', { id: 'ch-fail', title: 'Tấn công', severity: 'critical', host: { name: 'pc-thcs-dlv' } });
    await processDueAlerts(t.database.db);
    const r = await deliverPending(t.database.db, { now: new Date(Date.now() + 5 * 60_000) });
    expect(r.failed).toBe(1);
    const [d] = await queryRows<{ status: string; attempts: number; last_error: string }>(
      t.database.db,
      sql`select status, attempts, last_error from alert_deliveries where status = 'pending' order by created_at desc limit 1`,
    );
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503' });
    status = 200;
    const coord = await signIn(t, tree.provinceCoordinator);
    const list = (await coord.get('/api/v1/alerts/channels')).json() as { items: { lastError: string | null; pending: number }[] };
    expect(list.items[0]).toMatchObject({ lastError: 'HTTP 503', pending: 1 });
  });
});

describe('the province’s own escalation policy', () => {
  it('is set by its coordinator and used for its alerts: critical acknowledged within 5 minutes', async () => {
    const coord = await signIn(t, tree.provinceCoordinator);
    const current = (await coord.get(`/api/v1/alerts/policy?orgId=${tree.province}`)).json() as { version: number; chain: unknown[]; reraiseMinutes: unknown };
    expect(current.version).toBe(0);
    const put = await coord.send('PUT', `/api/v1/alerts/policy?orgId=${tree.province}`, {
      ackMinutes: { critical: 5, high: 30, medium: 120, low: 0, info: 0 },
      reraiseMinutes: current.reraiseMinutes,
      chain: current.chain,
      version: 0,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(1);
    // a stale version is refused
    expect(
      (await coord.send('PUT', `/api/v1/alerts/policy?orgId=${tree.province}`, { ...(put.json() as object), orgId: undefined, version: 0 })).statusCode,
    ).toBe(409);
    await post(t, tree.token, 'generic', { id: 'pol-1', title: 'Ransomware', severity: 'critical', host: { name: 'pc-thcs-dlv' } });
    await processDueAlerts(t.database.db);
    const [a] = await queryRows<{ d: number }>(
      t.database.db,
      sql`select extract(epoch from ack_due_at - received_at)::int as d from alerts where dedup_key like '%pol-1%' or title = 'Ransomware'`,
    );
    expect(a!.d).toBe(300);
    // a commune is not where policies live
    expect((await coord.send('PUT', `/api/v1/alerts/policy?orgId=${tree.commune}`, { ...(put.json() as object), orgId: undefined })).statusCode).toBe(400);
  });
});

describe('the live stream', () => {
  it('sends a change to a reader of that subtree over a real socket, and nothing to another commune', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const duty = await signIn(t, tree.schoolDuty);
    const other = await signIn(t, tree.otherSchoolOfficer);
    const open = async (cookie: string) => {
      const ctrl = new AbortController();
      const res = await fetch(`${address}/api/v1/alerts/stream`, { headers: { cookie }, signal: ctrl.signal });
      const reader = res.body!.getReader();
      let text = '';
      const pump = (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            text += new TextDecoder().decode(value);
          }
        } catch {
          // aborted
        }
      })();
      return { res, read: () => text, close: async () => (ctrl.abort(), await pump) };
    };
    const mine = await open(duty.cookie);
    const theirs = await open(other.cookie);
    expect(mine.res.status).toBe(200);
    expect(mine.res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect((await fetch(`${address}/api/v1/alerts/stream`)).status).toBe(401);
    await post(t, tree.token, 'generic', { id: 'live-1', title: 'Trực tiếp', severity: 'high', host: { name: 'pc-thcs-dlv' } });
    await processDueAlerts(t.database.db);
    const deadline = Date.now() + 10_000;
    while (!mine.read().includes('event: alert') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(mine.read()).toContain('event: alert');
    expect(theirs.read()).not.toContain('event: alert');
    await mine.close();
    await theirs.close();
    expect((await notificationsOf(t, tree.schoolDuty.id, 'alert.new')).length).toBeGreaterThan(0);
  });
});
