import { sql } from 'drizzle-orm';
import type { DossierStatus } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError, type AppError } from '../../platform/errors.js';
import { inScope, isAncestorOrSelf, scopeFor, type Actor } from '../../platform/policy.js';
import { usersRepo } from '../users/index.js';

/**
 * Who records which step of a level dossier: separation of duties.
 *
 * The packs name the appraising and approving authority in words, not as a place in the tree:
 * "the system owner's specialised security unit" (levels 1–3), "a unit of the Ministry of Public
 * Security (A05)" or "the ministry in charge" (4–5), the owner or the Prime Minister for approval.
 * None of these is the unit whose system it is. So in the tree:
 *
 * - **submitted** is the owing side's step: `inventory:write` on the system's org (as any edit).
 * - **appraised, approved, returned** are the appraising authority's: `inventory:write` through a
 *   grant on an org strictly above the system's org (or installation-wide) — a grant on the owning
 *   org itself is the owner's, not an appraiser's (403 `not_appraising_authority`); and never
 *   anyone of the submitting side (403 `own_dossier`), whatever their grants, a system admin
 *   included: a person whose home org is the owning org or inside it, the person who recorded the
 *   submission, or anyone of that person's home org (a coordinator who submitted for a school
 *   cannot have a colleague appraise it).
 *
 * Outside the caller's subtree the system does not exist (404), as everywhere.
 */
export const DOSSIER_NEXT: Record<DossierStatus, DossierStatus[]> = {
  drafting: ['submitted'],
  submitted: ['appraised', 'returned'],
  appraised: ['approved', 'returned'],
  approved: [],
  returned: ['submitted'],
};

export const REVIEW_STEPS: ReadonlySet<DossierStatus> = new Set(['appraised', 'approved', 'returned']);

interface DossierOwner {
  id: string;
  org_path: string;
}

/**
 * Who recorded the current submission, from the audit log: the row is written in the
 * submission's own transaction and the chain is tamper-evident, so no column can disagree with it.
 */
async function findSubmitter(db: Db, systemId: string): Promise<{ userId: string; homeOrgPath: string | null } | null> {
  // the platform's audit table, read for the one fact no inventory column holds (audit_log_entity_idx)
  const [row] = await queryRows<{ actor_user_id: string | null; home_path: string | null }>(
    db,
    sql`select a.actor_user_id, o.path::text as home_path
          from audit_log a left join users u on u.id = a.actor_user_id left join orgs o on o.id = u.home_org_id
         where a.entity_type = 'info_system' and a.entity_id = ${systemId} and a.action = 'system.dossier'
           and a.changes -> 'status' ->> 'after' = 'submitted'
         order by a.seq desc limit 1`,
  );
  return row?.actor_user_id ? { userId: row.actor_user_id, homeOrgPath: row.home_path } : null;
}

/** Why the caller may not appraise, approve or return this dossier; null when they may. */
export async function reviewRefusal(db: Db, actor: Actor, system: DossierOwner): Promise<AppError | null> {
  const notAuthority = () =>
    domainError(
      'FORBIDDEN',
      'not_appraising_authority',
      'only an authority above the owning unit appraises or approves its dossier',
      {},
      {
        rule: 'appraising_authority',
      },
    );
  // someone with no home org on record cannot be told apart from the submitting side: refused
  const me = await usersRepo.findUserWithOrg(db, actor.userId);
  if (!me) return notAuthority();
  const submitter = await findSubmitter(db, system.id);
  const ownSide =
    isAncestorOrSelf(system.org_path, me.homeOrgPath) ||
    (submitter !== null && (submitter.userId === actor.userId || submitter.homeOrgPath === me.homeOrgPath));
  if (ownSide)
    return domainError(
      'FORBIDDEN',
      'own_dossier',
      'the submitting unit cannot appraise, approve or return its own dossier',
      {},
      { rule: 'separation_of_duties' },
    );
  const write = scopeFor(actor, 'inventory:write');
  const above = write.all || write.paths.some((p) => system.org_path.startsWith(`${p}.`));
  return above ? null : notAuthority();
}

/** The steps the caller may record now, for the page's buttons (the server checks each again). */
export async function dossierStepsFor(db: Db, actor: Actor, system: DossierOwner & { dossier_status: string; level: number | null }): Promise<DossierStatus[]> {
  if (system.level === null || !inScope(scopeFor(actor, 'inventory:write'), system.org_path)) return [];
  const next = DOSSIER_NEXT[system.dossier_status as DossierStatus] ?? [];
  if (!next.some((s) => REVIEW_STEPS.has(s))) return next;
  const refused = await reviewRefusal(db, actor, system);
  return next.filter((s) => !REVIEW_STEPS.has(s) || refused === null);
}
