import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { inScope, requireSomewhere, scopeFor } from '../../platform/policy.js';

export interface AlertChange {
  id: string;
  orgId: string | null;
  orgPath: string | null;
  status: string;
}
type Listener = (changes: readonly AlertChange[]) => void;

const POLL_MS = 2_000;
const MAX_CLIENTS = 2_000;

/**
 * What changed on the alerts, for the live pages: one poll of the database every two seconds
 * per process, however many people watch — so changes made by any process (another web
 * process, a worker escalating) reach every screen, and nothing is kept that a restart loses.
 */
export class AlertFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private since = new Date();
  private busy = false;
  constructor(private readonly db: Db) {}

  get size(): number {
    return this.listeners.size;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    if (!this.timer) {
      this.since = new Date();
      this.timer = setInterval(() => void this.poll(), POLL_MS);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(l);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const rows = await queryRows<{ id: string; org_id: string | null; org_path: string | null; status: string; updated_at: string | Date }>(
        this.db,
        sql`select a.id, a.org_id, o.path::text as org_path, a.status, a.updated_at from alerts a left join orgs o on o.id = a.org_id
             where a.updated_at > ${this.since} order by a.updated_at limit 500`,
      );
      if (rows.length === 0) return;
      this.since = new Date(rows[rows.length - 1]!.updated_at);
      const changes = rows.map((r) => ({ id: r.id, orgId: r.org_id, orgPath: r.org_path, status: r.status }));
      for (const l of this.listeners) l(changes);
    } catch {
      // the database is away for a moment: the next poll tries again, the pages keep their data
    } finally {
      this.busy = false;
    }
  }
}

/** GET /api/v1/alerts/stream: Server-Sent Events of the changes the caller may see (alert:read on the alert's org). */
export function registerAlertStream(app: FastifyInstance, feed: AlertFeed): void {
  app.get('/api/v1/alerts/stream', { config: { permission: 'alert:read' }, schema: { tags: ['alerts'], hide: true } }, async (req, reply) => {
    requireSomewhere(req.actor!, 'alert:read');
    if (feed.size >= MAX_CLIENTS) throw domainError('RATE_LIMITED', 'intake_busy', 'too many live pages open', { seconds: 30 }, { retryAfterSeconds: 30 });
    const scope = scopeFor(req.actor!, 'alert:read');
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // a comment line first, and every 25 s: proxies and phones keep a silent connection open
    reply.raw.write(': khien\nretry: 5000\n\n');
    const beat = setInterval(() => reply.raw.write(': beat\n\n'), 25_000);
    const unsubscribe = feed.subscribe((changes) => {
      for (const c of changes) {
        if (!c.orgPath || !inScope(scope, c.orgPath)) continue;
        reply.raw.write(`event: alert\ndata: ${JSON.stringify({ id: c.id, orgId: c.orgId, status: c.status })}\n\n`);
      }
    });
    req.raw.on('close', () => {
      clearInterval(beat);
      unsubscribe();
    });
  });
}
