import type { Me } from '@khien/contracts';

export interface ScopeOrg {
  id: string;
  name: string;
}

/**
 * Where an inventory page starts: the top of the caller's first org-scoped grant (a province coordinator
 * sees the province, a unit officer their unit). A global grant (system admin) has no org to start from.
 */
export function defaultScopeOrg(me: Pick<Me, 'grants'>): ScopeOrg | null {
  const grant = me.grants.find((g) => g.orgId !== null);
  return grant?.orgId ? { id: grant.orgId, name: grant.orgName ?? '' } : null;
}
