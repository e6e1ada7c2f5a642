import { describe, expect, it } from 'vitest';
import { MANY_ORGS, surprisesOf } from './org-guard.js';

const group = (kind: string, underKind: string | null, count = 1) => ({ kind, underKind, count, examples: [] }) as Parameters<typeof surprisesOf>[0][number];

describe('what org import asks --yes for', () => {
  it('provinces under any org, orgs level with or above their parent, very many orgs', () => {
    expect(surprisesOf([group('province', 'province', 34)])).toMatchObject({ province: true, any: true });
    expect(surprisesOf([group('province', 'agency')])).toMatchObject({ province: true });
    expect(surprisesOf([group('commune', 'ward')])).toMatchObject({ level: true, province: false });
    expect(surprisesOf([group('ward', 'province', MANY_ORGS + 1)])).toMatchObject({ many: true, level: false });
  });

  it('not the ordinary imports: the national list at the top, schools and groups under a commune', () => {
    expect(surprisesOf([group('province', null, 34), group('ward', 'province', 600)]).any).toBe(false);
    expect(surprisesOf([group('school', 'commune', 12), group('residential_group', 'commune', 30), group('agency', 'agency')]).any).toBe(false);
  });
});
