import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import {
  ASSET_KINDS,
  CRITICALITIES,
  DATA_KINDS,
  DOSSIER_STATUSES,
  ERROR_CODES,
  HOSTING_KINDS,
  HYGIENE_FILTERS,
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  ORG_KINDS,
  PERMISSIONS,
  QUESTION_KINDS,
  REGULATION_MARKS,
  REQUIREMENT_STATUSES,
  ROLES,
  SECURITY_LEVELS,
  SYSTEM_CATEGORIES,
  USER_KINDS,
} from './enums';

describe('enum mirrors', () => {
  it.each([
    ['ROLES', ROLES, contracts.ROLES],
    ['PERMISSIONS', PERMISSIONS, contracts.PERMISSIONS],
    ['ORG_KINDS', ORG_KINDS, contracts.ORG_KINDS],
    ['ERROR_CODES', ERROR_CODES, contracts.ERROR_CODES],
    ['SYSTEM_CATEGORIES', SYSTEM_CATEGORIES, contracts.SYSTEM_CATEGORIES],
    ['USER_KINDS', USER_KINDS, contracts.USER_KINDS],
    ['DATA_KINDS', DATA_KINDS, contracts.DATA_KINDS],
    ['HOSTING_KINDS', HOSTING_KINDS, contracts.HOSTING_KINDS],
    ['DOSSIER_STATUSES', DOSSIER_STATUSES, contracts.DOSSIER_STATUSES],
    ['REQUIREMENT_STATUSES', REQUIREMENT_STATUSES, contracts.REQUIREMENT_STATUSES],
    ['ASSET_KINDS', ASSET_KINDS, contracts.ASSET_KINDS],
    ['CRITICALITIES', CRITICALITIES, contracts.CRITICALITIES],
    ['HYGIENE_FILTERS', HYGIENE_FILTERS, contracts.AssetListQuerySchema.shape.hygiene.unwrap().options],
    ['IMPORT_KINDS', IMPORT_KINDS, contracts.IMPORT_KINDS],
    ['IMPORT_FORMATS', IMPORT_FORMATS, contracts.IMPORT_FORMATS],
    ['IMPORT_STATUSES', IMPORT_STATUSES, contracts.IMPORT_STATUSES],
    ['REGULATION_MARKS', REGULATION_MARKS, contracts.REGULATION_MARKS],
    ['QUESTION_KINDS', QUESTION_KINDS, contracts.QUESTION_KINDS],
    ['SECURITY_LEVELS', SECURITY_LEVELS, contracts.SECURITY_LEVELS],
  ] as const)('%s equals the contract', (_name, mirror, contract) => {
    expect([...mirror]).toEqual([...contract]);
  });
});
