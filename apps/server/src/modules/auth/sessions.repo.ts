import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { sessions, usersRepo } from '../users/index.js';

export interface SessionLookup {
  sessionId: string;
  userId: string;
  csrfToken: string;
  mfaPassed: boolean;
  lastSeenAt: Date;
  email: string;
  fullName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  grants: { role: Role; orgPath: string | null }[];
}

/**
 * hot path: every signed-in request. The users module owns the sessions and users tables, but
 * the lookup reads them here in one statement, measured in bench "GET /api/v1/orgs?under=province
 * (session cookie)" (≥ 2,000 req/s).
 * Two small queries per request: the live session with its user, then the grants with
 * their org paths. Simple statements plan much faster than one four-way join on PGlite.
 */
export async function findLiveSession(db: Db, tokenHash: string): Promise<SessionLookup | null> {
  const [row] = await queryRows(
    db,
    sql`
    select s.id as session_id, s.user_id, s.csrf_token, s.mfa_passed, s.last_seen_at,
           u.email, u.full_name, u.disabled, u.must_change_password, u.totp_enabled_at is not null as totp_enabled
      from sessions s join users u on u.id = s.user_id
     where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now()`,
  );
  if (!row) return null;
  return {
    sessionId: row.session_id as string,
    userId: row.user_id as string,
    csrfToken: row.csrf_token as string,
    mfaPassed: row.mfa_passed as boolean,
    lastSeenAt: new Date(row.last_seen_at as string),
    email: row.email as string,
    fullName: row.full_name as string,
    disabled: row.disabled as boolean,
    mustChangePassword: row.must_change_password as boolean,
    totpEnabled: row.totp_enabled as boolean,
    grants: await usersRepo.findGrantPaths(db, row.user_id as string),
  };
}

export async function insertSession(
  db: Db,
  v: { userId: string; tokenHash: string; csrfToken: string; mfaPassed: boolean; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<string> {
  const [row] = await db.insert(sessions).values(v).returning({ id: sessions.id });
  return row!.id;
}

export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function markSessionMfaPassed(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ mfaPassed: true }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const r = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return r.length > 0;
}

export async function findUserSessions(db: Db, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
}
