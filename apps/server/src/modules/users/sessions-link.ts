import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { sessions } from './users.tables.js';

/** Ends every session of a user (disable, reset, password change), optionally keeping the caller's own. */
export async function revokeAllSessionsOf(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  const base = and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(exceptSessionId ? and(base, ne(sessions.id, exceptSessionId)) : base);
}
