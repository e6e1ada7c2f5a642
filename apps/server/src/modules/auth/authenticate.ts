import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { sha256 } from '../../platform/auth/secrets.js';
import { checkCsrf } from '../../platform/http/security.js';
import type { Actor } from '../../platform/policy.js';
import { findLiveToken, touchToken } from '../tokens/index.js';
import { pendingStepOf } from './auth.service.js';
import { findLiveSession, touchSession } from './sessions.repo.js';
import { SessionCache } from './session-cache.js';
import { onAuditRecorded } from '../../platform/audit/audit.js';

export const SESSION_COOKIE = 'khien_session';
// last-seen times are for the "my sessions" page: a minute's precision spares a write per request
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves who is calling on every request: a session cookie or a bearer token.
 * API routes are closed by default; a route opens itself with config.auth.
 */
export function registerAuthentication(app: FastifyInstance, db: Db): void {
  const cache = new SessionCache();
  const unsubscribe = onAuditRecorded(() => {
    cache.clear();
    tokenCache.clear();
  });
  app.addHook('onClose', async () => unsubscribe());
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('pendingStep', null);
  app.decorateRequest('pendingTotpEnabled', false);
  app.decorateRequest('audit', null as never);

  app.addHook('onRequest', async (req) => {
    req.audit = { actor: null, ip: req.ip ?? null, requestId: req.id };
    if (req.routeOptions.config.auth === 'none') return;
    await identify(req, db, cache);
    if (req.actor) req.audit.actor = req.actor;
    if (!req.url.startsWith('/api/v1/')) return;
    const cfg = req.routeOptions.config;
    // any request that rides on a session cookie proves it came from our page, even public ones like logout
    if (req.session && cfg.csrf !== false) checkCsrf(req.method, req.headers['x-csrf-token'], req.session.csrfToken);
    if (cfg.auth === 'public') return;
    if (!req.actor) {
      if (req.pendingStep && cfg.auth === 'partial') return;
      if (req.pendingStep) {
        // the web app can resume the right sign-in step after a reload without another round trip
        const step =
          req.pendingStep === 'PASSWORD_CHANGE_REQUIRED' ? 'password_change_required' : req.pendingTotpEnabled ? 'totp_required' : 'totp_enrolment_required';
        const mfa = req.pendingStep === 'MFA_REQUIRED';
        throw domainError(
          req.pendingStep,
          mfa ? 'second_factor_required' : 'password_change_required',
          mfa ? 'second factor required' : 'password change required',
          {},
          { step, csrfToken: req.session?.csrfToken },
        );
      }
      throw domainError('UNAUTHENTICATED', 'not_signed_in', 'not signed in');
    }
    if (cfg.sessionOnly && req.actor.kind !== 'user') throw domainError('FORBIDDEN', 'session_only', 'people only, not API tokens');
  });
}

/**
 * The actor an API token secret stands for; 401 when it is unknown, revoked or expired. Also for
 * senders that cannot set a header (Wazuh's Shuffle integration puts its key in the URL).
 */
export async function actorOfToken(db: Db, secret: string, opts: { cache?: boolean } = {}): Promise<Actor> {
  const hash = sha256(secret);
  const hit = opts.cache ? tokenCache.get(hash) : undefined;
  if (hit && hit.until > Date.now()) return hit.actor;
  const token = await findLiveToken(db, hash);
  if (!token) throw domainError('UNAUTHENTICATED', 'invalid_api_token', 'invalid or expired API token');
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchToken(db, token.id);
  const actor: Actor = {
    kind: 'token',
    userId: token.createdBy,
    tokenId: token.id,
    label: `token:${token.name}`,
    grants: token.creatorGrants,
    tokenLimit: { permissions: token.permissions, orgPath: token.orgPath },
  };
  if (tokenCache.size > 10_000) tokenCache.clear();
  tokenCache.set(hash, { actor, until: Date.now() + TOKEN_CACHE_MS });
  return actor;
}

/**
 * A SIEM posts hundreds of times a second with one token: on the routes that ask for it (alert
 * intake, `config.tokenCache`) its actor is kept for a few seconds instead of two queries a
 * request. Any audited change (a token revoked, a grant removed, a user disabled) empties the
 * cache, so a revocation takes effect at once in this process, in another within TOKEN_CACHE_MS.
 * Every other route reads the token fresh.
 */
const TOKEN_CACHE_MS = 5_000;
const tokenCache = new Map<string, { actor: Actor; until: number }>();

async function identify(req: FastifyRequest, db: Db, cache: SessionCache): Promise<void> {
  const authz = req.headers.authorization;
  if (authz?.startsWith('Bearer ')) {
    req.actor = await actorOfToken(db, authz.slice(7).trim(), { cache: req.routeOptions.config.tokenCache === true });
    return;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const hash = sha256(cookie);
  let s = cache.get(hash);
  if (!s) {
    const found = await findLiveSession(db, hash);
    if (!found || found.disabled) return;
    s = found;
    cache.set(hash, s);
  }
  req.session = { id: s.sessionId, userId: s.userId, csrfToken: s.csrfToken, mfaPassed: s.mfaPassed };
  if (Date.now() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, s.sessionId);
    s.lastSeenAt = new Date();
  }
  const actor: Actor = { kind: 'user', userId: s.userId, tokenId: null, label: s.email, grants: s.grants, tokenLimit: null };
  req.pendingStep = pendingStepOf(s);
  req.pendingTotpEnabled = s.totpEnabled;
  if (req.pendingStep === null) req.actor = actor;
  // half-signed-in: the audit log still names the person
  else req.audit.actor = actor;
}
