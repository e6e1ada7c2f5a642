import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type HelmetMiddleware = (req: unknown, res: { setHeader(name: string, value: unknown): void; removeHeader(name: string): void }, next: () => void) => void;

/**
 * The security headers helmet sets for these options. @fastify/helmet rebuilds helmet's
 * middleware (and re-parses the whole CSP) on every request; ours never vary (no nonces),
 * so they are computed once, by the helmet that @fastify/helmet itself depends on.
 */
export function helmetHeaders(options: object): Record<string, string> {
  const fromPlugin = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'));
  const helmet = fromPlugin('helmet') as (o: object) => HelmetMiddleware;
  const headers: Record<string, string> = {};
  helmet(options)(
    {},
    {
      setHeader: (name, value) => void (headers[name.toLowerCase()] = String(value)),
      removeHeader: (name) => void delete headers[name.toLowerCase()],
    },
    () => undefined,
  );
  return headers;
}

/** helmet's options for every response: a strict CSP for the single-page app, same-origin referrers. */
export const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mantine injects CSS variables at run time through style attributes
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'same-origin' },
} as const;

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders(HELMET_OPTIONS);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  // a coarse ceiling per address; sign-in has its own stricter lockout in the auth module
  await app.register(rateLimit, { global: true, max: 3000, timeWindow: '1 minute', allowList: ['127.0.0.1', '::1'] });
}

/**
 * Cookie-authenticated changes must carry the session's CSRF token in a header:
 * a forged cross-site form cannot read it, and cannot set custom headers.
 * Bearer-token calls are exempt: browsers never attach those on their own.
 */
export function checkCsrf(method: string, headerValue: unknown, sessionToken: string | undefined): void {
  if (SAFE_METHODS.has(method) || sessionToken === undefined) return;
  if (typeof headerValue !== 'string' || headerValue !== sessionToken) {
    throw new AppError('CSRF_FAILED', 'Thiếu hoặc sai mã CSRF (x-csrf-token) / missing or wrong CSRF token');
  }
}
