import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
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
