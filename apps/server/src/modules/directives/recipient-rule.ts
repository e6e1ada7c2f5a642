import { sql, type SQL } from 'drizzle-orm';
import type { RecipientRule, Role } from '@khien/contracts';

/** Who, at a recipient org, is told of a directive and reminded of it: grants on the org itself. */
export const RECIPIENT_OFFICER_ROLES: readonly Role[] = ['commune_coordinator', 'unit_officer', 'duty_officer', 'telecom_contact'];

/** The scope org of a rule with its path, resolved by the caller (404 when not visible). */
export interface ResolvedRule {
  rule: RecipientRule;
  underPath: string | null;
  underDepth: number | null;
}

/**
 * A rule as a condition on `o` (an alias of orgs): named orgs, or orgs strictly under the
 * scope org (optionally only its direct children) of the given kinds. Pure SQL, so issuing
 * to 70,000 units is one INSERT … SELECT, never a loop in JavaScript.
 */
export function ruleCondition(r: ResolvedRule): SQL {
  const parts: SQL[] = [];
  if (r.rule.orgIds && r.rule.orgIds.length > 0) parts.push(sql`o.id = any(${`{${r.rule.orgIds.join(',')}}`}::uuid[])`);
  if (r.underPath !== null) {
    const under: SQL[] = [sql`o.path <@ ${r.underPath}::ltree`, sql`o.path <> ${r.underPath}::ltree`];
    if (r.rule.directChildrenOnly) under.push(sql`o.depth = ${(r.underDepth ?? 0) + 1}`);
    if (r.rule.kinds && r.rule.kinds.length > 0) under.push(sql`o.kind = any(${`{${r.rule.kinds.join(',')}}`}::text[])`);
    parts.push(sql`(${sql.join(under, sql` and `)})`);
  }
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}
