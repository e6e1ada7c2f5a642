import type { SessionLookup } from './sessions.repo.js';

// Long enough to spare two queries on a busy page, short enough that a change made
// by another process (PostgreSQL mode) is seen within two seconds.
const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * Recent session lookups by token hash. This process empties it on every audited
 * change (sign-out, revoke, reset, grants, org moves…), so here it is never stale
 * beyond the change's own transaction; other processes see changes within TTL_MS.
 */
export class SessionCache {
  private readonly entries = new Map<string, { at: number; lookup: SessionLookup }>();

  get(tokenHash: string, now = Date.now()): SessionLookup | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (now - e.at > TTL_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e.lookup;
  }

  set(tokenHash: string, lookup: SessionLookup, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { at: now, lookup });
  }

  clear(): void {
    this.entries.clear();
  }
}
