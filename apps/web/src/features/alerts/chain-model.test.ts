import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  MAX_STEPS,
  MAX_TARGETS,
  TARGET_ORGS,
  TARGET_WHO,
  addStep,
  addTarget,
  chainProblems,
  moveStep,
  newStep,
  perSeverityProblems,
  policyBody,
  policyFormOf,
  removeStep,
  removeTarget,
  updateStep,
  updateTarget,
  type ChainStep,
} from './chain-model';

const policy: contracts.AlertPolicy = {
  orgId: 'p',
  ackMinutes: { critical: 15, high: 30, medium: 120, low: 480, info: 0 },
  reraiseMinutes: { critical: 60, high: 120, medium: 0, low: 0, info: 0 },
  chain: [
    { afterMinutes: 0, label: 'Đơn vị', targets: [{ who: 'on_duty', org: 'owner' }] },
    { afterMinutes: 15, label: 'Công an xã', targets: [{ who: 'on_duty', org: 'commune_police' }] },
  ],
  version: 4,
};

describe('the chain editor', () => {
  it('mirrors the contract’s target choices', () => {
    expect([...TARGET_WHO]).toEqual([...contracts.ChainTargetSchema.shape.who.options]);
    expect([...TARGET_ORGS]).toEqual([...contracts.ChainTargetSchema.shape.org.options]);
  });

  it('adds a step after the last, half an hour later, told to the commune police', () => {
    const chain = addStep(policy.chain);
    expect(chain).toHaveLength(3);
    expect(chain[2]).toEqual({ afterMinutes: 45, label: '', targets: [{ who: 'on_duty', org: 'commune_police' }] });
    expect(newStep()).toEqual({ afterMinutes: 0, label: '', targets: [{ who: 'on_duty', org: 'owner' }] });
  });

  it('keeps at least one step and one target, at most ten steps and five targets', () => {
    expect(removeStep(removeStep(policy.chain, 0), 0)).toHaveLength(1);
    let chain: ChainStep[] = policy.chain;
    for (let i = 0; i < 20; i++) chain = addStep(chain);
    expect(chain).toHaveLength(MAX_STEPS);
    let one = policy.chain;
    for (let i = 0; i < 10; i++) one = addTarget(one, 0);
    expect(one[0]!.targets).toHaveLength(MAX_TARGETS);
    expect(removeTarget(policy.chain, 1, 0)[1]!.targets).toHaveLength(1);
  });

  it('moves steps, and leaves the ends alone', () => {
    expect(moveStep(policy.chain, 1, -1).map((s) => s.label)).toEqual(['Công an xã', 'Đơn vị']);
    expect(moveStep(policy.chain, 0, -1)).toEqual(policy.chain);
    expect(moveStep(policy.chain, 1, 1)).toEqual(policy.chain);
  });

  it('drops roles when the target goes back to the on-duty people, and the fixed org when the org changes', () => {
    let chain = updateTarget(policy.chain, 1, 0, { who: 'roles', roles: ['commune_coordinator'] });
    expect(chain[1]!.targets[0]).toEqual({ who: 'roles', org: 'commune_police', roles: ['commune_coordinator'] });
    chain = updateTarget(chain, 1, 0, { who: 'on_duty' });
    expect(chain[1]!.targets[0]).toEqual({ who: 'on_duty', org: 'commune_police' });
    chain = updateTarget(chain, 1, 0, { org: 'org', orgId: 'pa05' });
    expect(chain[1]!.targets[0]).toEqual({ who: 'on_duty', org: 'org', orgId: 'pa05' });
    chain = updateTarget(chain, 1, 0, { org: 'province_police' });
    expect(chain[1]!.targets[0]).toEqual({ who: 'on_duty', org: 'province_police' });
  });

  it('finds what the server would refuse or what makes no sense', () => {
    let chain = addStep(policy.chain);
    chain = updateStep(chain, 2, { afterMinutes: 5 });
    chain = updateTarget(chain, 1, 0, { who: 'roles' });
    chain = updateTarget(chain, 0, 0, { org: 'org' });
    expect(chainProblems(chain)).toEqual([
      { step: 0, target: 0, code: 'org_required' },
      { step: 1, target: 0, code: 'roles_required' },
      { step: 2, target: null, code: 'minutes_order' },
    ]);
    expect(chainProblems(updateStep(policy.chain, 1, { afterMinutes: 20_000 }))).toEqual([{ step: 1, target: null, code: 'minutes_range' }]);
    expect(chainProblems(policy.chain)).toEqual([]);
    expect(perSeverityProblems({ ...policy.ackMinutes, low: -1, info: 1.5 })).toEqual(['low', 'info']);
  });

  it('sends step 1 as told at once, with the version read, and passes the contract', () => {
    const form = policyFormOf(policy);
    form.chain = updateStep(form.chain, 0, { afterMinutes: 99, label: '  Đơn vị  ' });
    const body = policyBody(form, policy.version);
    expect(body.chain[0]).toEqual({ afterMinutes: 0, label: 'Đơn vị', targets: [{ who: 'on_duty', org: 'owner' }] });
    expect(body.version).toBe(4);
    expect(contracts.AlertPolicyBodySchema.safeParse(body).success).toBe(true);
    // the form is a copy: editing it leaves the policy read from the server alone
    expect(policy.chain[0]!.label).toBe('Đơn vị');
  });
});
