import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { sessions } from './users.tables.js';

/** Ends every session of a user (disable, reset, password change), optionally keeping the caller's own. */
export async function revokeAllSessionsOf(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  const base = and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  const ended = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(exceptSessionId ? and(base, ne(sessions.id, exceptSessionId)) : base)
    .returning({ id: sessions.id });
  return ended.length;
}
