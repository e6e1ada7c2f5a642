import type { AlertPolicy, AlertPolicyBodySchema } from '@khien/contracts';
import type { Infer } from '../../lib/contract-types';

/**
 * The escalation policy's editor as data: the chain's steps and their targets, changed by pure
 * functions so the rules (step 0 is told at once, a step has at least one target, roles only for
 * "role holders", an org only for "a fixed org") hold whatever the person clicks.
 */

export type ChainStep = AlertPolicy['chain'][number];
export type ChainTarget = ChainStep['targets'][number];
export type PerSeverity = AlertPolicy['ackMinutes'];
export type PolicyBody = Infer<typeof AlertPolicyBodySchema>;

export const TARGET_WHO = ['on_duty', 'roles'] as const satisfies readonly ChainTarget['who'][];
export const TARGET_ORGS = ['owner', 'owner_commune', 'commune_police', 'province', 'province_police', 'org'] as const satisfies readonly ChainTarget['org'][];
export const MAX_STEPS = 10;
export const MAX_TARGETS = 5;
export const MAX_MINUTES = 10_080;

export interface PolicyForm {
  ackMinutes: PerSeverity;
  reraiseMinutes: PerSeverity;
  chain: ChainStep[];
}

export function policyFormOf(policy: AlertPolicy): PolicyForm {
  return {
    ackMinutes: { ...policy.ackMinutes },
    reraiseMinutes: { ...policy.reraiseMinutes },
    chain: policy.chain.map((s) => ({ ...s, targets: s.targets.map((t) => ({ ...t })) })),
  };
}

export function newTarget(): ChainTarget {
  return { who: 'on_duty', org: 'owner' };
}

/** A new step comes after the last one: 30 minutes later by default, told to the owner's commune police. */
export function newStep(last?: ChainStep): ChainStep {
  return {
    afterMinutes: last ? Math.min(MAX_MINUTES, last.afterMinutes + 30) : 0,
    label: '',
    targets: [{ who: 'on_duty', org: last ? 'commune_police' : 'owner' }],
  };
}

export function addStep(chain: readonly ChainStep[]): ChainStep[] {
  if (chain.length >= MAX_STEPS) return [...chain];
  return [...chain, newStep(chain.at(-1))];
}

/** The chain keeps at least one step (the contract's min 1): the last one cannot be removed. */
export function removeStep(chain: readonly ChainStep[], index: number): ChainStep[] {
  if (chain.length <= 1) return [...chain];
  return chain.filter((_, i) => i !== index);
}

export function moveStep(chain: readonly ChainStep[], index: number, delta: -1 | 1): ChainStep[] {
  const to = index + delta;
  if (to < 0 || to >= chain.length) return [...chain];
  const next = [...chain];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function updateStep(chain: readonly ChainStep[], index: number, patch: Partial<Omit<ChainStep, 'targets'>>): ChainStep[] {
  return chain.map((s, i) => (i === index ? { ...s, ...patch } : s));
}

export function addTarget(chain: readonly ChainStep[], index: number): ChainStep[] {
  return chain.map((s, i) => (i === index && s.targets.length < MAX_TARGETS ? { ...s, targets: [...s.targets, newTarget()] } : s));
}

export function removeTarget(chain: readonly ChainStep[], index: number, target: number): ChainStep[] {
  return chain.map((s, i) => (i === index && s.targets.length > 1 ? { ...s, targets: s.targets.filter((_, j) => j !== target) } : s));
}

/**
 * A target changed: roles belong to "role holders" only and a fixed org to `org: 'org'` only, so
 * switching away drops them (the server refuses neither, but would keep a meaningless value).
 */
export function normaliseTarget(t: ChainTarget): ChainTarget {
  const out: ChainTarget = { who: t.who, org: t.org };
  if (t.org === 'org' && t.orgId) out.orgId = t.orgId;
  if (t.who === 'roles') out.roles = t.roles ?? [];
  return out;
}

export function updateTarget(chain: readonly ChainStep[], index: number, target: number, patch: Partial<ChainTarget>): ChainStep[] {
  return chain.map((s, i) => (i === index ? { ...s, targets: s.targets.map((t, j) => (j === target ? normaliseTarget({ ...t, ...patch }) : t)) } : s));
}

export type ChainProblemCode = 'minutes_range' | 'minutes_order' | 'roles_required' | 'org_required';

export interface ChainProblem {
  step: number;
  /** null: about the step itself */
  target: number | null;
  code: ChainProblemCode;
}

const validMinutes = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_MINUTES;

/** What the server would refuse, or what would make no sense (a later step told earlier), per step and target. */
export function chainProblems(chain: readonly ChainStep[]): ChainProblem[] {
  const out: ChainProblem[] = [];
  chain.forEach((s, i) => {
    if (i > 0) {
      if (!validMinutes(s.afterMinutes)) out.push({ step: i, target: null, code: 'minutes_range' });
      else if (i > 1 && s.afterMinutes < chain[i - 1]!.afterMinutes) out.push({ step: i, target: null, code: 'minutes_order' });
    }
    s.targets.forEach((t, j) => {
      if (t.who === 'roles' && (t.roles ?? []).length === 0) out.push({ step: i, target: j, code: 'roles_required' });
      if (t.org === 'org' && !t.orgId) out.push({ step: i, target: j, code: 'org_required' });
    });
  });
  return out;
}

export function perSeverityProblems(values: PerSeverity): (keyof PerSeverity)[] {
  return (Object.keys(values) as (keyof PerSeverity)[]).filter((k) => !validMinutes(values[k]));
}

/** The PUT body: step 0 is told at once, so its minutes are 0 whatever the form held. */
export function policyBody(form: PolicyForm, version: number): PolicyBody {
  return {
    ackMinutes: { ...form.ackMinutes },
    reraiseMinutes: { ...form.reraiseMinutes },
    chain: form.chain.map((s, i) => ({ afterMinutes: i === 0 ? 0 : s.afterMinutes, label: s.label.trim(), targets: s.targets.map(normaliseTarget) })),
    version,
  };
}
