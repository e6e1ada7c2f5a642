import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ORG_KINDS, PERMISSIONS, ROLES } from './enums';

describe('enum mirrors', () => {
  it.each([
    ['ROLES', ROLES, contracts.ROLES],
    ['PERMISSIONS', PERMISSIONS, contracts.PERMISSIONS],
    ['ORG_KINDS', ORG_KINDS, contracts.ORG_KINDS],
    ['ERROR_CODES', ERROR_CODES, contracts.ERROR_CODES],
  ] as const)('%s equals the contract', (_name, mirror, contract) => {
    expect([...mirror]).toEqual([...contract]);
  });
});
