import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALERT_FORMATS, IdSchema, IntakeResultSchema } from '@khien/contracts';
import { parseAlertBody, parseAlertLines, verifyGrafanaSignature, type AlertFormat, type AlertParse } from '@khien/formats';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { AppError, domainError } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import { actorOfToken } from '../auth/index.js';
import { countRejection, ingestAlerts, type Sender } from './alerts-intake.service.js';
import { SenderRateLimiter } from './rate-limit.js';

/** A batch of 1,000 Wazuh alerts is ~2–3 MB; more than this is a mistake or an attack. */
export const MAX_INTAKE_BYTES = 10 * 1024 * 1024;
/** Requests waiting for their commit in this process: past this, senders are told to come back (back-pressure, not a queue in memory). */
export const MAX_IN_FLIGHT = 256;

const FormatParam = z.enum(['auto', ...ALERT_FORMATS, 'wazuh-shuffle']);

export interface IntakeDeps {
  db: Db;
  ratePerSecond: number;
  grafanaSecret: string | undefined;
  /** new alerts were committed: route and tell them now rather than at the next poll */
  onAccepted: () => void;
}

/**
 * POST /api/v1/alerts/intake/:format — what Wazuh, Alertmanager, Grafana, Suricata and our own
 * generic JSON post, unchanged. The body is read raw (this scope has its own content parser),
 * so a body that is not JSON gets a 422 with the reason rather than the framework's 400, NDJSON
 * (alerts.json, eve.json) is taken as it is, and Grafana's HMAC is checked over the exact bytes.
 */
export async function registerAlertIntake(app: FastifyInstance, deps: IntakeDeps): Promise<void> {
  const limiter = new SenderRateLimiter(deps.ratePerSecond);
  let inFlight = 0;
  const orgIds = new Map<string, string>();
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_INTAKE_BYTES }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/alerts/intake/:format',
      {
        // the global per-address limit would throttle one busy SIEM; the per-sender limit below answers for intake
        config: { permission: 'alert:ingest', auth: 'public', rateLimit: false, tokenCache: true },
        bodyLimit: MAX_INTAKE_BYTES,
        schema: {
          tags: ['alerts'],
          params: z.object({ format: FormatParam }).strict(),
          querystring: z.object({ orgId: IdSchema.optional(), token: z.string().max(200).optional() }).strict(),
          response: { 202: IntakeResultSchema },
        },
      },
      async (req, reply) => {
        const actor = req.actor ?? (req.query.token ? await actorOfToken(deps.db, req.query.token, { cache: true }) : null);
        if (!actor) throw domainError('UNAUTHENTICATED', 'not_signed_in', 'an API token is required (Authorization: Bearer …)');
        const sender = await senderOf(req, actor, req.query.orgId, orgIds, deps.db);
        const wait = limiter.take(sender.tokenId ?? actor.userId);
        if (wait > 0)
          throw new AppError(
            'RATE_LIMITED',
            'Quá nhiều yêu cầu / too many requests',
            { retryAfterSeconds: wait },
            { reason: 'intake_rate_limited', params: { seconds: wait } },
          );
        if (inFlight >= MAX_IN_FLIGHT)
          throw new AppError('RATE_LIMITED', 'Máy chủ đang bận / busy', { retryAfterSeconds: 1 }, { reason: 'intake_busy', params: { seconds: 1 } });
        inFlight++;
        try {
          const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const format = req.params.format === 'wazuh-shuffle' ? 'wazuh_shuffle' : req.params.format;
          if (format === 'grafana' && deps.grafanaSecret) {
            const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
            if (!verifyGrafanaSignature(deps.grafanaSecret, headers, raw.toString('utf8'))) {
              throw domainError('UNAUTHENTICATED', 'intake_bad_signature', 'the Grafana signature header is missing or wrong');
            }
          }
          const parsed = parseRaw(raw, format, String(req.headers['content-type'] ?? ''));
          if (parsed.alerts.length === 0) {
            await countRejection(deps.db, { key: sender.tokenId ?? `user:${actor.userId}`, orgId: sender.orgId }, parsed.problems.slice(0, 5));
            const first = parsed.problems[0];
            throw new AppError(
              'ALERT_REJECTED',
              first ? `Cảnh báo không hợp lệ: ${first.message.vi} / rejected: ${first.message.en}` : 'Không có cảnh báo nào / no alert in the body',
              { problems: parsed.problems.slice(0, 100) },
              { reason: 'alert_rejected', params: { count: parsed.problems.length } },
            );
          }
          const result = await ingestAlerts(deps.db, sender, parsed.alerts);
          if (parsed.problems.length)
            await countRejection(deps.db, { key: sender.tokenId ?? `user:${actor.userId}`, orgId: sender.orgId }, parsed.problems.slice(0, 5));
          if (result.created.length || result.duplicates) deps.onAccepted();
          return reply.status(202).send({ accepted: result.accepted, duplicates: result.duplicates, rejected: parsed.problems.slice(0, 100) });
        } finally {
          inFlight--;
        }
      },
    );
  });
}

function parseRaw(raw: Buffer, format: AlertFormat | 'auto', contentType: string): AlertParse {
  const text = raw.toString('utf8');
  if (text.trim() === '')
    return { alerts: [], problems: [{ index: null, path: 'body', code: 'empty_body', message: { vi: 'Nội dung trống', en: 'The body is empty' } }] };
  if (/ndjson|jsonl|x-json-stream/i.test(contentType)) return parseAlertLines(text, format);
  try {
    return parseAlertBody(JSON.parse(text), format);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    // alerts.json and eve.json are one object a line, and are often posted as they are
    if (text.trim().includes('\n')) return parseAlertLines(text, format);
    return {
      alerts: [],
      problems: [
        { index: null, path: 'body', code: 'invalid_json', message: { vi: `Không phải JSON hợp lệ: ${err.message}`, en: `Not valid JSON: ${err.message}` } },
      ],
    };
  }
}

/** Whom the alerts come from: a token speaks for its org; a person posting by hand names the org (where they may ingest). */
async function senderOf(req: FastifyRequest, actor: Actor, orgId: string | undefined, cache: Map<string, string>, db: Db): Promise<Sender> {
  if (actor.kind === 'token' && actor.tokenLimit) {
    authorize(actor, 'alert:ingest', actor.tokenLimit.orgPath);
    const path = actor.tokenLimit.orgPath;
    let id = cache.get(path);
    if (!id) {
      const [row] = await queryRows<{ id: string }>(db, sql`select id from orgs where path = ${path}::ltree`);
      if (!row) throw domainError('NOT_FOUND', 'org_not_found', 'org not found');
      id = row.id;
      if (cache.size > 10_000) cache.clear();
      cache.set(path, id);
    }
    return { orgId: id, orgPath: path, tokenId: actor.tokenId, label: actor.label.replace(/^token:/, '') };
  }
  if (!orgId) throw domainError('VALIDATION_FAILED', 'intake_org_required', 'a person posting alerts names the org they speak for (?orgId=)');
  const org = await getOrgRef(db, orgId);
  authorize(actor, 'alert:ingest', org?.path ?? null);
  void req;
  return { orgId: org!.id, orgPath: org!.path, tokenId: null, label: actor.label };
}
