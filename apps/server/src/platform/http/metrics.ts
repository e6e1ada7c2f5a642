import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import client from 'prom-client';
import { AppError } from '../errors.js';
import { sha256 } from '../auth/secrets.js';

export interface MetricsAccess {
  mode: 'loopback' | 'token' | 'off';
  token: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Loopback means the socket is this machine's and nobody forwarded the request: behind a reverse
 * proxy on the same host every request arrives from 127.0.0.1, so a forwarded one is not local.
 */
function fromThisMachine(req: FastifyRequest): boolean {
  const h = req.headers;
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && !h['x-forwarded-for'] && !h.forwarded && !h['x-real-ip'];
}

function tokenMatches(req: FastifyRequest, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  // compared as hashes: equal lengths, so the comparison time says nothing about the token
  return given !== undefined && timingSafeEqual(Buffer.from(sha256(given)), Buffer.from(sha256(token)));
}

/** Prometheus metrics; one registry per app so tests can build many apps in one process. */
export function registerMetrics(app: FastifyInstance, access: MetricsAccess): void {
  if (access.mode === 'off') return;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'khien_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  // outside the session system (a scraper has no account); guarded here instead
  app.get('/metrics', { config: { auth: 'none' }, schema: { hide: true } }, async (req, reply) => {
    if (access.mode === 'loopback' && !fromThisMachine(req)) throw new AppError('NOT_FOUND', `Không có đường dẫn GET /metrics / no such route`);
    if (access.mode === 'token' && !tokenMatches(req, access.token!)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('UNAUTHENTICATED', 'Cần mã truy cập số liệu (KHIEN_METRICS_TOKEN) / metrics token required');
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
