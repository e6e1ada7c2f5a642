import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBodySchema,
  IdParamsSchema,
  LoginBodySchema,
  LoginResultSchema,
  MeSchema,
  OkSchema,
  RecoveryCodesSchema,
  SessionSchema,
  TotpBodySchema,
  TotpEnrolConfirmBodySchema,
  TotpEnrolStartBodySchema,
  TotpEnrolStartSchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { SESSION_COOKIE } from './authenticate.js';
import { buildMe, changePassword, confirmTotpEnrolment, login, loginStepOf, pendingStepOf, startTotpEnrolment, verifySecondFactor } from './auth.service.js';
import { findLiveSession, findUserSessions, revokeSession } from './sessions.repo.js';
import { sha256 } from '../../platform/auth/secrets.js';

export interface AuthDeps {
  db: Db;
  sessionHours: number;
  cookieSecure: 'auto' | boolean;
}

function sessionOf(req: FastifyRequest) {
  if (!req.session) throw domainError('UNAUTHENTICATED', 'not_signed_in', 'not signed in');
  return req.session;
}

export function registerAuth(app: FastifyInstance, deps: AuthDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['auth'];
  const partial = { auth: 'partial', sessionOnly: true } as const;

  /** The sign-in result as it stands for this session now. */
  async function currentResult(req: FastifyRequest) {
    const cookie = req.cookies[SESSION_COOKIE];
    const s = cookie ? await findLiveSession(db, sha256(cookie)) : null;
    if (!s) throw domainError('UNAUTHENTICATED', 'not_signed_in', 'not signed in');
    const me = await buildMe(db, s.userId, s.csrfToken);
    return { step: loginStepOf(me, pendingStepOf(s)), me };
  }

  r.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public', csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, body: LoginBodySchema, response: { 200: LoginResultSchema } },
    },
    async (req, reply) => {
      const { session, result } = await login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, req.audit);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: deps.cookieSecure === 'auto' ? req.protocol === 'https' : deps.cookieSecure,
        expires: session.expiresAt,
      });
      return result;
    },
  );

  r.post('/api/v1/auth/totp', { config: partial, schema: { tags, body: TotpBodySchema, response: { 200: LoginResultSchema } } }, async (req) => {
    const s = sessionOf(req);
    await verifySecondFactor(deps, s.id, s.userId, req.body, req.audit);
    return currentResult(req);
  });

  r.post(
    '/api/v1/auth/totp/enrol/start',
    { config: partial, schema: { tags, body: TotpEnrolStartBodySchema, response: { 200: TotpEnrolStartSchema } } },
    async (req) => {
      const s = sessionOf(req);
      // enrolling (or replacing) a factor needs a session that already passed any factor it has
      if (!s.mfaPassed && req.pendingStep === 'MFA_REQUIRED' && (await buildMe(db, s.userId, s.csrfToken)).totpEnabled) {
        throw domainError('MFA_REQUIRED', 'verify_current_code_first', 'verify your current code first');
      }
      return startTotpEnrolment(db, s.userId, req.body ?? {}, req.audit);
    },
  );

  r.post(
    '/api/v1/auth/totp/enrol/confirm',
    { config: partial, schema: { tags, body: TotpEnrolConfirmBodySchema, response: { 200: RecoveryCodesSchema } } },
    async (req) => {
      const s = sessionOf(req);
      return { recoveryCodes: await confirmTotpEnrolment(db, s.id, s.userId, req.body.code, req.audit) };
    },
  );

  r.post('/api/v1/auth/password', { config: partial, schema: { tags, body: ChangePasswordBodySchema, response: { 200: LoginResultSchema } } }, async (req) => {
    const s = sessionOf(req);
    if (req.pendingStep === 'MFA_REQUIRED') throw domainError('MFA_REQUIRED', 'second_factor_first', 'second factor first');
    await changePassword(db, s.id, s.userId, req.body, req.audit);
    return currentResult(req);
  });

  r.post('/api/v1/auth/logout', { config: { auth: 'public' }, schema: { tags, response: { 200: OkSchema } } }, async (req, reply) => {
    if (req.session) {
      const s = req.session;
      await db.transaction(async (tx) => {
        await revokeSession(tx, s.userId, s.id);
        await recordAudit(tx, req.audit, { action: 'auth.logout', entityType: 'session', entityId: s.id, orgId: null, orgPath: null });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/v1/auth/me', { config: { sessionOnly: true }, schema: { tags, response: { 200: MeSchema } } }, async (req) =>
    buildMe(db, req.actor!.userId, req.session!.csrfToken, req.actor!),
  );

  r.get(
    '/api/v1/auth/sessions',
    { config: { sessionOnly: true }, schema: { tags, response: { 200: z.object({ items: z.array(SessionSchema) }) } } },
    async (req) => {
      const rows = await findUserSessions(db, req.actor!.userId);
      return {
        items: rows.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
          current: s.id === req.session!.id,
        })),
      };
    },
  );

  r.delete(
    '/api/v1/auth/sessions/:id',
    { config: { sessionOnly: true }, schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } } },
    async (req) => {
      const userId = req.actor!.userId;
      await db.transaction(async (tx) => {
        // someone else's session id answers 404 like any id that is not yours
        if (!(await revokeSession(tx, userId, req.params.id))) throw domainError('NOT_FOUND', 'session_not_found', 'session not found');
        await recordAudit(tx, req.audit, { action: 'auth.session_revoked', entityType: 'session', entityId: req.params.id, orgId: null, orgPath: null });
      });
      return { ok: true as const };
    },
  );
}
