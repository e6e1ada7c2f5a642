import { sql } from 'drizzle-orm';
import type { NormalisedAlert } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';

export interface Sender {
  orgId: string;
  orgPath: string;
  tokenId: string | null;
  /** the token's name, the person's e-mail, or "syslog 10.0.0.5" */
  label: string;
}

/**
 * PostgreSQL's text and jsonb hold neither NUL nor half a surrogate pair; a sender's body may
 * (a Windows event log line, a fuzzer). They are dropped from every string and key here, where
 * the alert is stored, so intake never fails on them and loses nothing else.
 */
function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').toWellFormed();
  if (value === null || typeof value !== 'object' || depth > 64) return depth > 64 ? null : value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[clean(k) as string] = clean(v, depth + 1);
  return out;
}

/** The original body as kept: bounded, so one sender cannot fill the database with a single alert. */
export const MAX_RAW_BYTES = 65_536;
function boundedRaw(raw: unknown): unknown {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
  if (text === undefined) return null;
  if (Buffer.byteLength(text) <= MAX_RAW_BYTES) return typeof raw === 'string' ? { line: raw } : raw;
  return { truncated: true, text: Buffer.from(text).subarray(0, MAX_RAW_BYTES).toString('utf8') };
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  /** ids of the alerts this call created (repeats of known keys are not listed) */
  created: string[];
}

/**
 * Stores a batch durably before the sender hears 2xx: one statement, one transaction. A repeat
 * of a dedup key already stored (from this sender) raises its count and last-seen time; a
 * repeat inside the same batch is folded first (Postgres refuses to update one row twice in one
 * statement). New alerts are due at once: the processor routes and tells them after commit.
 */
export async function ingestAlerts(db: Db, sender: Sender, alerts: readonly NormalisedAlert[], now = new Date()): Promise<IngestResult> {
  if (alerts.length === 0) return { accepted: 0, duplicates: 0, created: [] };
  const folded = new Map<string, { a: NormalisedAlert; n: number }>();
  for (const a of alerts) {
    const seen = folded.get(a.dedupKey);
    if (seen) {
      seen.n++;
      seen.a = { ...seen.a, status: a.status };
    } else folded.set(a.dedupKey, { a, n: 1 });
  }
  const json = JSON.stringify(
    clean(
      [...folded.values()].map(({ a, n }) => ({
        k: a.dedupKey,
        f: a.format,
        t: a.title,
        d: a.description,
        s: a.severity,
        ss: a.sourceSeverity,
        st: a.status,
        o: a.occurredAt && !Number.isNaN(a.occurredAt.getTime()) ? a.occurredAt.toISOString() : null,
        ag: a.agent.id,
        h: a.agent.name ?? a.hostnames[0] ?? null,
        hs: a.hostnames,
        ip: a.ips,
        r: a.ruleId,
        c: a.category,
        l: a.labels,
        raw: boundedRaw(a.raw),
        n,
      })),
    ),
  );
  // one statement is atomic on its own: committed when it returns, without a begin/commit round trip each
  const rows = await queryRows<{ id: string; inserted: boolean }>(
    db,
    sql`insert into alerts (sender_org_id, sender_token_id, sender_label, dedup_key, format, title, description, severity, source_severity, sender_status,
                              occurred_at, agent_id, host, hostnames, ips, rule_id, category, labels, raw, count, received_at, last_seen_at, next_action_at, updated_at)
          select ${sender.orgId}, ${sender.tokenId}, ${sender.label}, x.k, x.f, x.t, x.d, x.s, x.ss, x.st, x.o, x.ag, x.h, x.hs, x.ip, x.r, x.c, x.l, x.raw, x.n,
                 ${now}, ${now}, ${now}, ${now}
            from jsonb_to_recordset(${json}::jsonb) as x(k text, f text, t text, d text, s text, ss text, st text, o timestamptz, ag text, h text,
                 hs text[], ip text[], r text, c text, l jsonb, raw jsonb, n int)
          on conflict (sender_org_id, dedup_key) do update
             set count = alerts.count + excluded.count, last_seen_at = excluded.last_seen_at, sender_status = excluded.sender_status, updated_at = excluded.updated_at,
                 -- the sender resolving an open alert is work for the processor
                 next_action_at = case when excluded.sender_status = 'resolved' and alerts.status in ('new', 'acknowledged') then excluded.last_seen_at else alerts.next_action_at end
          returning id, (xmax = 0) as inserted`,
  );
  const created = rows.filter((r) => r.inserted).map((r) => r.id);
  return { accepted: alerts.length, duplicates: alerts.length - created.length, created };
}

/** A refused body, counted per sender: the coordinator can see a sender whose alerts are lost at its end. */
export async function countRejection(db: Db, sender: { key: string; orgId: string | null }, problem: unknown): Promise<void> {
  await db.execute(sql`
    insert into alert_rejections (sender_key, sender_org_id, rejected, last_at, last_problem) values (${sender.key}, ${sender.orgId}, 1, now(), ${JSON.stringify(problem)}::jsonb)
    on conflict (sender_key) do update set rejected = alert_rejections.rejected + 1, last_at = now(), last_problem = excluded.last_problem`);
}
