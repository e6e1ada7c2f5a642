import type { Role } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';

/** An ancestor of an org, nearest first, with the people there who hold the asked roles. */
export interface AncestorHolders {
  orgId: string;
  userIds: string[];
}

/**
 * "Who is told": the one question every reminder, escalation and review notice asks. Implemented
 * today by the users module (holders of a role on an org or its ancestors) and wired in app.ts;
 * later by duty rosters (who is on duty now) in front of it.
 */
export interface Audience {
  /** People holding one of `roles` on the org itself. */
  onOrg(db: Db, orgId: string, roles: readonly Role[]): Promise<string[]>;
  /** Proper ancestors of the org at `orgPath` that have anyone holding one of `roles`, nearest first. */
  above(db: Db, orgPath: string, roles: readonly Role[]): Promise<AncestorHolders[]>;
}
