import type { LoginResult, Me } from '@khien/contracts';
import { MFA_ROLES } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { type AppError, domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { assertPasswordAcceptable, burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { randomToken, recoveryCode, sha256 } from '../../platform/auth/secrets.js';
import { checkTotpStep, newTotpSecret, totpEnrolment } from '../../platform/auth/totp.js';
import { permissionsOf, type Actor } from '../../platform/policy.js';
import { revokeAllSessionsOf, usersRepo } from '../users/index.js';

const {
  clearFailedLogins,
  findGrantsOf,
  findLoginFailureStats,
  findUserByEmail,
  findUserById,
  hasSignedInFrom,
  recordFailedLogin,
  replaceRecoveryCodes,
  updateUserRow,
  useRecoveryCode,
} = usersRepo;
type UserRow = usersRepo.UserRow;
import { insertSession, markSessionMfaPassed } from './sessions.repo.js';
import { FAILURE_WINDOW_MINUTES, IP_WINDOW_MINUTES, secondsToWait, USUAL_PLACE_DAYS } from './sign-in-throttle.js';

/** Wrong second-factor codes in a row before the account is locked (the password is known by then). */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

type Deps = { db: Db; sessionHours: number };

function lockedError(until: Date): AppError {
  return domainError(
    'ACCOUNT_LOCKED',
    'account_locked',
    'account temporarily locked',
    {},
    {
      lockedUntil: until.toISOString(),
    },
  );
}

/** Counts a wrong code against the account; the fifth in a row locks it for a while. */
async function registerFailure(db: Db, user: UserRow): Promise<void> {
  const failed = user.failedLogins + 1;
  const lock = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null;
  await updateUserRow(db, user.id, { failedLogins: lock ? 0 : failed, lockedUntil: lock ?? user.lockedUntil });
  if (lock) throw lockedError(lock);
}

function wrongCredentials(): AppError {
  return domainError('INVALID_CREDENTIALS', 'wrong_credentials', 'wrong email or password');
}

/**
 * Password sign-in. Unknown and existing e-mails take the same path — the same throttle, one
 * password hash checked, the same error — so no answer tells whether an account exists.
 */
export async function login(
  deps: Deps,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
  audit: AuditContext,
): Promise<{ session: NewSession; result: LoginResult }> {
  const { db } = deps;
  const ip = input.ip ?? 'unknown';
  const found = await findUserByEmail(db, input.email);
  const user = found && !found.disabled ? found : undefined;
  const usualPlace = user ? await hasSignedInFrom(db, user.id, ip, USUAL_PLACE_DAYS) : false;
  const stats = await findLoginFailureStats(db, ip, input.email, FAILURE_WINDOW_MINUTES, IP_WINDOW_MINUTES);
  const wait = secondsToWait(stats, { usualPlace }, new Date());
  if (wait > 0) {
    throw domainError(
      'RATE_LIMITED',
      'sign_in_throttled',
      `too many failed sign-ins, try again in ${wait} s`,
      { seconds: wait },
      {
        retryAfterSeconds: wait,
      },
    );
  }
  if (!user) {
    await burnPasswordCheck(input.password);
    await recordFailedLogin(db, ip, input.email);
    throw wrongCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailedLogin(db, ip, input.email);
    throw wrongCredentials();
  }
  // a lock comes only from wrong second-factor codes: whoever sees it already knows the password
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedError(user.lockedUntil);
  await clearFailedLogins(db, ip, input.email);
  const grantsOf = (await findGrantsOf(db, [user.id])).get(user.id) ?? [];
  const mfaRole = grantsOf.some((g) => MFA_ROLES.includes(g.role));
  const needsSecondFactor = user.totpEnabledAt !== null || mfaRole;
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + deps.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    const sessionId = await insertSession(tx, {
      userId: user.id,
      tokenHash: sha256(token),
      csrfToken,
      mfaPassed: !needsSecondFactor,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
    });
    await recordAudit(
      tx,
      { ...audit, actor: null, systemLabel: user.email },
      {
        action: 'auth.login',
        entityType: 'session',
        entityId: sessionId,
        orgId: user.homeOrgId,
        orgPath: null,
        note: { userId: user.id },
      },
    );
  });
  const me = await buildMe(db, user.id, csrfToken);
  const pending = pendingStepOf({ mfaPassed: !needsSecondFactor, totpEnabled: me.totpEnabled, mustChangePassword: user.mustChangePassword, grants: grantsOf });
  return { session: { token, csrfToken, expiresAt }, result: { step: loginStepOf(me, pending), me } };
}

export async function verifySecondFactor(
  deps: Deps,
  sessionId: string,
  userId: string,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  audit: AuditContext,
): Promise<void> {
  const { db } = deps;
  const user = await findUserById(db, userId);
  if (!user || !user.totpSecret) throw domainError('BAD_REQUEST', 'totp_not_enrolled', 'no second factor enrolled');
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedError(user.lockedUntil);
  let ok = false;
  if (input.code) {
    const step = checkTotpStep(user.totpSecret, input.code);
    if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
      ok = true;
      await updateUserRow(db, user.id, { totpLastStep: step, failedLogins: 0 });
    }
  } else if (input.recoveryCode) {
    ok = await useRecoveryCode(db, user.id, sha256(input.recoveryCode.trim().toLowerCase()));
  }
  if (!ok) {
    await registerFailure(db, user);
    throw domainError('INVALID_TOTP', 'totp_wrong_or_reused', 'wrong or reused code');
  }
  await db.transaction(async (tx) => {
    await markSessionMfaPassed(tx, sessionId);
    await recordAudit(tx, audit, {
      action: input.code ? 'auth.totp' : 'auth.recovery_code',
      entityType: 'session',
      entityId: sessionId,
      orgId: user.homeOrgId,
      orgPath: null,
    });
  });
}

/**
 * Starts (or restarts) enrolment. Replacing a factor that is already set up is what someone who
 * found an unlocked, signed-in screen would do to keep the account: it needs the password and a
 * code from the current factor, and each wrong one counts towards the lock.
 */
export async function startTotpEnrolment(
  db: Db,
  userId: string,
  proof: { currentPassword?: string | undefined; code?: string | undefined },
  audit: AuditContext,
): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const user = await findUserById(db, userId);
  if (!user) throw domainError('NOT_FOUND', 'user_not_found', 'user not found');
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedError(user.lockedUntil);
  const replacing = user.totpSecret !== null && user.totpEnabledAt !== null;
  if (replacing) {
    if (!proof.currentPassword || !proof.code) {
      throw domainError('VALIDATION_FAILED', 'totp_replace_needs_proof', 'replacing the second factor needs your password and a current code', {}, [
        ...(proof.currentPassword ? [] : [{ path: 'body.currentPassword', message: 'required' }]),
        ...(proof.code ? [] : [{ path: 'body.code', message: 'required' }]),
      ]);
    }
    if (!(await verifyPassword(user.passwordHash, proof.currentPassword))) {
      await registerFailure(db, user);
      throw domainError('INVALID_CREDENTIALS', 'current_password_wrong', 'current password is wrong');
    }
    const step = checkTotpStep(user.totpSecret!, proof.code);
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
      await registerFailure(db, user);
      throw domainError('INVALID_TOTP', 'totp_wrong_or_reused', 'wrong or reused code');
    }
    await updateUserRow(db, userId, { totpLastStep: step, failedLogins: 0 });
  }
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await updateUserRow(tx, userId, { totpPendingSecret: secret });
    await recordAudit(tx, audit, {
      action: 'user.totp_enrolment_started',
      entityType: 'user',
      entityId: userId,
      orgId: user.homeOrgId,
      orgPath: null,
      note: { replacing },
    });
  });
  return { secret, ...(await totpEnrolment(secret, user.email)) };
}

export async function confirmTotpEnrolment(db: Db, sessionId: string, userId: string, code: string, audit: AuditContext): Promise<string[]> {
  const user = await findUserById(db, userId);
  if (!user?.totpPendingSecret) throw domainError('BAD_REQUEST', 'totp_enrolment_not_started', 'start enrolment first');
  const step = checkTotpStep(user.totpPendingSecret, code);
  if (step === null) throw domainError('INVALID_TOTP', 'totp_wrong', 'wrong code');
  const codes = Array.from({ length: 10 }, recoveryCode);
  await db.transaction(async (tx) => {
    const after = await updateUserRow(tx, userId, {
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpEnabledAt: new Date(),
      totpLastStep: step,
    });
    await replaceRecoveryCodes(
      tx,
      userId,
      codes.map((c) => sha256(c)),
    );
    await markSessionMfaPassed(tx, sessionId);
    await recordAudit(tx, audit, {
      action: 'user.totp_enrolled',
      entityType: 'user',
      entityId: userId,
      orgId: user.homeOrgId,
      orgPath: null,
      before: { totpEnabledAt: user.totpEnabledAt, totpSecret: user.totpSecret },
      after: { totpEnabledAt: after.totpEnabledAt, totpSecret: after.totpSecret },
    });
  });
  return codes;
}

export async function changePassword(
  db: Db,
  sessionId: string,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  audit: AuditContext,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw domainError('NOT_FOUND', 'user_not_found', 'user not found');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await registerFailure(db, user);
    throw domainError('INVALID_CREDENTIALS', 'current_password_wrong', 'current password is wrong');
  }
  if (input.newPassword === input.currentPassword) throw domainError('WEAK_PASSWORD', 'password_unchanged', 'the new password must differ from the old one');
  assertPasswordAcceptable(input.newPassword, [user.email.split('@')[0] ?? '', ...user.fullName.split(/\s+/)]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateUserRow(tx, userId, { passwordHash, mustChangePassword: false });
    // other devices signed in with the old password are signed out
    await revokeAllSessionsOf(tx, userId, sessionId);
    await recordAudit(tx, audit, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: userId,
      orgId: user.homeOrgId,
      orgPath: null,
      before: { passwordHash: 'x', mustChangePassword: user.mustChangePassword },
      after: { passwordHash: 'y', mustChangePassword: false },
    });
  });
}

export async function buildMe(db: Db, userId: string, csrfToken: string, actor?: Actor): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw domainError('UNAUTHENTICATED', 'not_signed_in', 'not signed in');
  const grantsOf = (await findGrantsOf(db, [userId])).get(userId) ?? [];
  const a: Actor = actor ?? {
    kind: 'user',
    userId,
    tokenId: null,
    label: user.email,
    grants: grantsOf.map((g) => ({ role: g.role, orgPath: g.orgPath })),
    tokenLimit: null,
  };
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    locale: user.locale === 'en' ? 'en' : 'vi',
    homeOrgId: user.homeOrgId,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabledAt !== null,
    mfaRequired: grantsOf.some((g) => MFA_ROLES.includes(g.role)),
    grants: grantsOf.map((g) => ({ id: g.id, role: g.role, orgId: g.orgId, orgName: g.orgName })),
    permissions: permissionsOf(a),
    csrfToken,
  };
}

/** Which step of sign-in a session still has to pass, if any. */
export function pendingStepOf(s: { mfaPassed: boolean; totpEnabled: boolean; mustChangePassword: boolean; grants: { role: string }[] }) {
  const mfaRole = s.grants.some((g) => (MFA_ROLES as readonly string[]).includes(g.role));
  if (!s.mfaPassed || (mfaRole && !s.totpEnabled)) return 'MFA_REQUIRED' as const;
  if (s.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED' as const;
  return null;
}

export function loginStepOf(me: Me, pending: ReturnType<typeof pendingStepOf>): LoginResult['step'] {
  if (pending === 'MFA_REQUIRED') return me.totpEnabled ? 'totp_required' : 'totp_enrolment_required';
  if (pending === 'PASSWORD_CHANGE_REQUIRED') return 'password_change_required';
  return 'done';
}
