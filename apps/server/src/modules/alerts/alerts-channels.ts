import { sql } from 'drizzle-orm';
import { ALERT_SEVERITY_VALUES, type AlertSeverityValue } from '@khien/contracts';
import { signStandardWebhook } from '@khien/formats';
import { randomBytes } from 'node:crypto';
import { queryRows, type Db } from '../../platform/db/client.js';

export interface ChannelMessage {
  alertId: string;
  orgPath: string;
  orgName: string;
  severity: AlertSeverityValue;
  step: number;
  label: string;
  title: string;
  people: number;
  at: Date;
}

const rank = (s: string) => ALERT_SEVERITY_VALUES.indexOf(s as AlertSeverityValue);
const TIMEOUT_MS = 10_000;
const MAX_ATTEMPTS = 8;

/**
 * Queues a message to every enabled channel whose org is at or above the alert's and whose
 * threshold the severity reaches, in the transaction of the step that causes it (an outbox):
 * sent after commit by `deliverPending`, never lost with a crash, never sent for a step that
 * rolled back.
 */
export async function deliveriesFor(tx: Db, messages: readonly ChannelMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const channels = await queryRows<{ id: string; path: string; min_severity: string }>(
    tx,
    sql`select c.id, o.path::text as path, c.min_severity from alert_channels c join orgs o on o.id = c.org_id where c.enabled`,
  );
  if (channels.length === 0) return 0;
  const rows: { c: string; a: string; p: unknown }[] = [];
  for (const m of messages) {
    for (const ch of channels) {
      if (!(m.orgPath === ch.path || m.orgPath.startsWith(`${ch.path}.`))) continue;
      if (rank(m.severity) > rank(ch.min_severity)) continue;
      rows.push({
        c: ch.id,
        a: m.alertId,
        p: {
          type: m.step === 0 ? 'alert.new' : 'alert.escalated',
          timestamp: m.at.toISOString(),
          data: {
            alertId: m.alertId,
            title: m.title.slice(0, 500),
            severity: m.severity,
            org: m.orgName,
            step: m.step,
            stepLabel: m.label,
            peopleTold: m.people,
            link: `/alerts/${m.alertId}`,
          },
        },
      });
    }
  }
  if (rows.length === 0) return 0;
  await tx.execute(
    sql`insert into alert_deliveries (channel_id, alert_id, payload) select x.c, x.a, x.p from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(c uuid, a uuid, p jsonb)`,
  );
  return rows.length;
}

interface Claimed {
  id: string;
  channel_id: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Sends what is due, per channel no more than its `per_minute` (the rest waits for the next
 * minute: a throttle delays, it never drops), signed per Standard Webhooks (webhook-id,
 * webhook-timestamp, webhook-signature). Rows are claimed with a lease before the network call
 * (no transaction is held across it); a failure is retried with backoff, up to 8 times.
 */
export async function deliverPending(db: Db, opts: { now?: Date; fetchImpl?: typeof fetch } = {}): Promise<{ sent: number; failed: number; deferred: number }> {
  const now = opts.now ?? new Date();
  const doFetch = opts.fetchImpl ?? fetch;
  const claimed = await db.transaction(async (tx) => {
    const rows = await queryRows<Claimed & { per_minute: number }>(
      tx,
      sql`select d.id, d.channel_id, d.payload, d.attempts, c.url, c.secret, c.per_minute
            from alert_deliveries d join alert_channels c on c.id = d.channel_id
           where d.status = 'pending' and d.next_attempt_at <= ${now} and c.enabled
           order by d.created_at, d.id limit 500 for update of d skip locked`,
    );
    const channelIds = [...new Set(rows.map((r) => r.channel_id))];
    const recent = channelIds.length
      ? await queryRows<{ channel_id: string; n: number }>(
          tx,
          sql`select channel_id, count(*)::int as n from alert_deliveries
               where channel_id = any(${`{${channelIds.join(',')}}`}::uuid[]) and sent_at > ${now}::timestamptz - interval '1 minute' group by channel_id`,
        )
      : [];
    // a channel's budget this minute: its per-minute limit less what it was sent in the last minute
    const budget = new Map(
      channelIds.map((id) => [id, Number(rows.find((r) => r.channel_id === id)!.per_minute) - Number(recent.find((x) => x.channel_id === id)?.n ?? 0)]),
    );
    const go = rows.filter((r) => {
      const left = budget.get(r.channel_id)!;
      budget.set(r.channel_id, left - 1);
      return left > 0;
    });
    const wait = rows.filter((r) => !go.includes(r));
    if (go.length)
      await tx.execute(
        sql`update alert_deliveries set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + 60_000)} where id = any(${`{${go.map((r) => r.id).join(',')}}`}::uuid[])`,
      );
    if (wait.length)
      await tx.execute(
        sql`update alert_deliveries set next_attempt_at = ${new Date(now.getTime() + 60_000)} where id = any(${`{${wait.map((r) => r.id).join(',')}}`}::uuid[])`,
      );
    return { go, deferred: wait.length };
  });
  let sent = 0;
  let failed = 0;
  for (const d of claimed.go) {
    const body = JSON.stringify(d.payload);
    const id = `msg_${d.id.replace(/-/g, '')}`;
    const ts = Math.floor(Date.now() / 1000);
    let error: string | null = null;
    try {
      const res = await doFetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(ts),
          'webhook-signature': signStandardWebhook(d.secret, id, ts, body),
          'user-agent': 'Khien-Webhook/1',
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      if (!res.ok) error = `HTTP ${res.status}`;
      await res.body?.cancel();
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 300) : 'error';
    }
    if (error === null) {
      sent++;
      await db.execute(sql`update alert_deliveries set status = 'sent', sent_at = now(), last_error = null where id = ${d.id}`);
      await db.execute(sql`update alert_channels set last_delivered_at = now(), last_error = null where id = ${d.channel_id}`);
      await db.execute(
        sql`insert into alert_events (alert_id, kind, actor_label, params) select alert_id, 'delivered', 'hệ thống', jsonb_build_object('channel', (select name from alert_channels where id = ${d.channel_id})) from alert_deliveries where id = ${d.id}`,
      );
    } else {
      failed++;
      const attempts = Number(d.attempts) + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      // 30 s, 1 min, 2 min … up to an hour between tries
      const backoff = Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));
      await db.execute(
        sql`update alert_deliveries set status = ${giveUp ? 'failed' : 'pending'}, last_error = ${error}, next_attempt_at = ${new Date(Date.now() + backoff)} where id = ${d.id}`,
      );
      await db.execute(sql`update alert_channels set last_error = ${error} where id = ${d.channel_id}`);
      if (giveUp)
        await db.execute(
          sql`insert into alert_events (alert_id, kind, actor_label, params) select alert_id, 'delivery_failed', 'hệ thống', jsonb_build_object('channel', (select name from alert_channels where id = ${d.channel_id}), 'error', ${error}::text) from alert_deliveries where id = ${d.id}`,
        );
    }
  }
  return { sent, failed, deferred: claimed.deferred };
}

export const newChannelSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
