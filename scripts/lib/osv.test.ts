import { describe, expect, it } from 'vitest';
import {
  compactAdvisory,
  compareVersions,
  dependencyChains,
  displayChain,
  entryAffects,
  findAffected,
  judge,
  lockPackages,
  rangeAffects,
  readAllowList,
  severityRank,
  type Lock,
  type OsvRange,
  type Snapshot,
} from './osv.mjs';

const range = (...events: object[]): OsvRange => ({ type: 'ECOSYSTEM', events });
const affects = (r: OsvRange, v: string) => rangeAffects(r, v).affected;

describe('compareVersions (SemVer 2.0 precedence)', () => {
  it('orders prereleases as the SemVer spec lists them', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
    ];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareVersions(ordered[i]!, ordered[i + 1]!)).toBe(-1);
      expect(compareVersions(ordered[i + 1]!, ordered[i]!)).toBe(1);
    }
  });
  it('ignores build metadata and pads a short version', () => {
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('v2.0.0', '2.0.0')).toBe(0);
  });
  it('throws on what is not a version rather than guessing', () => {
    expect(() => compareVersions('1.0.0', 'latest')).toThrow(/not a version/);
  });
});

describe('rangeAffects (OSV evaluation)', () => {
  it('introduced "0" to fixed: affected below the fix, with the fix named', () => {
    const r = range({ introduced: '0' }, { fixed: '1.3.0' });
    expect(rangeAffects(r, '0.0.1')).toEqual({ affected: true, fixed: '1.3.0' });
    expect(affects(r, '1.2.9')).toBe(true);
    expect(affects(r, '1.3.0')).toBe(false);
    expect(affects(r, '2.0.0')).toBe(false);
  });
  it('several intervals, events in any order', () => {
    const r = range({ fixed: '2.1.1' }, { introduced: '2.0.0' }, { fixed: '1.2.5' }, { introduced: '1.0.0' });
    expect(affects(r, '0.9.0')).toBe(false);
    expect(rangeAffects(r, '1.0.0')).toEqual({ affected: true, fixed: '1.2.5' });
    expect(affects(r, '1.5.0')).toBe(false);
    expect(rangeAffects(r, '2.0.5')).toEqual({ affected: true, fixed: '2.1.1' });
    expect(affects(r, '2.1.1')).toBe(false);
  });
  it('last_affected is inclusive and names no fix', () => {
    const r = range({ introduced: '2.0.0' }, { last_affected: '2.4.1' });
    expect(affects(r, '1.9.9')).toBe(false);
    expect(rangeAffects(r, '2.4.1')).toEqual({ affected: true, fixed: null });
    expect(affects(r, '2.4.2-beta.1')).toBe(false);
    expect(affects(r, '2.4.2')).toBe(false);
  });
  it('an introduced with nothing after it affects every later version', () => {
    const r = range({ introduced: '3.0.0' });
    expect(affects(r, '2.9.9')).toBe(false);
    expect(rangeAffects(r, '99.0.0')).toEqual({ affected: true, fixed: null });
  });
  it('prereleases: before the release they precede, a fixed prerelease closes the interval', () => {
    const r = range({ introduced: '0' }, { fixed: '2.0.0-rc.2' });
    expect(affects(r, '2.0.0-beta')).toBe(true);
    expect(affects(r, '2.0.0-rc.1')).toBe(true);
    expect(affects(r, '2.0.0-rc.2')).toBe(false);
    expect(affects(r, '2.0.0')).toBe(false);
    // the prerelease of a fixed release is still below it
    expect(affects(range({ introduced: '0' }, { fixed: '1.3.0' }), '1.3.0-rc.1')).toBe(true);
    // and a prerelease of the introduced release is below it
    expect(affects(range({ introduced: '2.0.0' }, { fixed: '2.1.0' }), '2.0.0-rc.1')).toBe(false);
  });
  it('GIT ranges say nothing about npm versions', () => {
    expect(affects({ type: 'GIT', events: [{ introduced: '0' }] }, '1.0.0')).toBe(false);
  });
});

describe('entryAffects', () => {
  it('explicit versions match exactly', () => {
    const entry = { name: 'x', versions: ['1.0.0', '1.0.1'] };
    expect(entryAffects(entry, '1.0.1').affected).toBe(true);
    expect(entryAffects(entry, '1.0.2').affected).toBe(false);
  });
  it('collects the fixes of every matching range', () => {
    const entry = { name: 'x', ranges: [range({ introduced: '0' }, { fixed: '1.5.0' }), range({ introduced: '1.0.0' }, { fixed: '1.4.2' })] };
    expect(entryAffects(entry, '1.1.0')).toEqual({ affected: true, fixed: ['1.5.0', '1.4.2'] });
  });
  it('a range it cannot evaluate is reported, not passed silently', () => {
    const r = entryAffects({ name: 'x', ranges: [range({ introduced: '0' }, { fixed: 'next' })] }, '1.0.0');
    expect(r.error).toMatch(/not a version: next/);
  });
});

const snapshot: Snapshot = {
  snapshotDate: '2026-11-20T00:00:00Z',
  advisories: [
    {
      id: 'GHSA-aaaa-aaaa-aaaa',
      aliases: ['CVE-2024-0001'],
      summary: 'pollution',
      severity: 'high',
      affected: [{ name: 'left-pad', ranges: [range({ introduced: '0' }, { fixed: '1.3.0' })] }],
    },
    { id: 'GHSA-bbbb-bbbb-bbbb', summary: 'redos', severity: 'moderate', affected: [{ name: '@scope/pkg', versions: ['2.4.1'] }] },
    {
      id: 'GHSA-dddd-dddd-dddd',
      summary: 'withdrawn',
      severity: 'critical',
      withdrawn: '2024-03-03T00:00:00Z',
      affected: [{ name: 'left-pad', ranges: [range({ introduced: '0' })] }],
    },
    { id: 'GHSA-uuuu-uuuu-uuuu', summary: 'no severity', severity: 'unknown', affected: [{ name: 'odd', ranges: [range({ introduced: '0' })] }] },
  ],
};

const lock: Lock = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'root', workspaces: ['apps/server'], devDependencies: { tool: '^1' } } as never,
    'apps/server': { name: '@x/server', version: '0.1.0', dependencies: { 'left-pad': '^1', '@scope/pkg': '^2' } },
    'node_modules/@x/server': { resolved: 'apps/server', link: true },
    'node_modules/tool': { version: '1.0.0', dev: true, dependencies: { 'left-pad': '^1.3.0', 'my-alias': 'npm:odd@^0.1' } },
    'node_modules/tool/node_modules/left-pad': { version: '1.3.0', dev: true },
    'node_modules/left-pad': { version: '1.2.0' },
    'node_modules/my-alias': { name: 'odd', version: '0.1.0', dev: true },
    'apps/server/node_modules/@scope/pkg': { version: '2.4.1' },
  },
};

describe('lockPackages and dependencyChains', () => {
  it('lists nested and workspace-local packages, not the root, workspaces or links; aliases by real name', () => {
    const names = lockPackages(lock).map((p) => `${p.name}@${p.version} ${p.key}`);
    expect(names).toEqual([
      'tool@1.0.0 node_modules/tool',
      'left-pad@1.3.0 node_modules/tool/node_modules/left-pad',
      'left-pad@1.2.0 node_modules/left-pad',
      'odd@0.1.0 node_modules/my-alias',
      '@scope/pkg@2.4.1 apps/server/node_modules/@scope/pkg',
    ]);
  });
  it('refuses a lock without a packages map (lockfileVersion 1)', () => {
    expect(() => lockPackages({ lockfileVersion: 1, dependencies: {} })).toThrow(/lockfileVersion 2 or 3/);
  });
  it('resolves like Node: nested node_modules first, then up the tree; follows workspace links', () => {
    const chains = dependencyChains(lock);
    expect(displayChain(chains.get('node_modules/tool/node_modules/left-pad')!)).toBe('(root) > tool > left-pad');
    expect(displayChain(chains.get('node_modules/left-pad')!)).toBe('apps/server > left-pad');
    expect(displayChain(chains.get('apps/server/node_modules/@scope/pkg')!)).toBe('apps/server > @scope/pkg');
    expect(displayChain(chains.get('node_modules/my-alias')!)).toBe('(root) > tool > my-alias');
  });
});

describe('findAffected and judge', () => {
  const { findings, errors } = findAffected(snapshot, lockPackages(lock));
  it('matches installed versions, skips withdrawn advisories, sorts by severity', () => {
    expect(errors).toEqual([]);
    expect(findings.map((f) => `${f.id} ${f.name}@${f.version} ${f.fixed.join(',')}`)).toEqual([
      'GHSA-uuuu-uuuu-uuuu odd@0.1.0 ',
      'GHSA-aaaa-aaaa-aaaa left-pad@1.2.0 1.3.0',
      'GHSA-bbbb-bbbb-bbbb @scope/pkg@2.4.1 ',
    ]);
  });
  it('fails at or above the level; an unknown severity counts as the worst', () => {
    expect(severityRank('unknown')).toBeGreaterThan(severityRank('critical'));
    const high = judge(findings, [], 'high').findings;
    expect(high.filter((f) => f.failing).map((f) => f.id)).toEqual(['GHSA-uuuu-uuuu-uuuu', 'GHSA-aaaa-aaaa-aaaa']);
    expect(judge(findings, [], 'moderate').findings.every((f) => f.failing)).toBe(true);
  });
  it('an allow-list entry by alias accepts the finding; one for another package does not; unused ones are listed', () => {
    const { entries, errors: allowErrors } = readAllowList(
      {
        allow: [
          { id: 'CVE-2024-0001', package: 'left-pad', reason: 'only in the build', expires: '2027-03-01' },
          { id: 'GHSA-uuuu-uuuu-uuuu', package: 'other', reason: 'x', expires: '2027-03-01' },
        ],
      },
      '2026-12-02',
    );
    expect(allowErrors).toEqual([]);
    const { findings: judged, unused } = judge(findings, entries, 'high');
    expect(judged.find((f) => f.name === 'left-pad')).toMatchObject({ failing: false, allowed: { id: 'CVE-2024-0001' } });
    expect(judged.find((f) => f.name === 'odd')).toMatchObject({ failing: true, allowed: null });
    expect(unused.map((e) => e.package)).toEqual(['other']);
  });
});

describe('readAllowList', () => {
  const entry = { id: 'GHSA-aaaa-aaaa-aaaa', reason: 'not reachable', expires: '2026-12-02' };
  it('an entry holds through its expiry day and fails the day after', () => {
    expect(readAllowList({ allow: [entry] }, '2026-12-02')).toEqual({ entries: [entry], errors: [] });
    const later = readAllowList({ allow: [entry] }, '2026-12-03');
    expect(later.entries).toEqual([]);
    expect(later.errors[0]).toMatch(/expired on 2026-12-02/);
  });
  it('needs a reason and a date', () => {
    const { errors } = readAllowList({ allow: [{ id: 'A', expires: '2027-01-01' }, { id: 'B', reason: 'r', expires: 'soon' }, {}] }, '2026-12-02');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/missing "reason"/);
    expect(errors[1]).toMatch(/YYYY-MM-DD/);
    expect(errors[2]).toMatch(/missing "id"/);
  });
});

describe('compactAdvisory', () => {
  it('keeps npm entries and the fields the check needs, drops the rest', () => {
    const compact = compactAdvisory({
      id: 'GHSA-mmmm-mmmm-mmmm',
      aliases: ['CVE-1'],
      summary: 's',
      details: 'long',
      published: 'p',
      modified: 'm',
      references: [{ url: 'u' }],
      affected: [
        { package: { ecosystem: 'PyPI', name: 'left-pad' }, ranges: [range({ introduced: '0' })] },
        {
          package: { ecosystem: 'npm', name: 'left-pad' },
          ranges: [range({ introduced: '0' }, { fixed: '1.3.0' }), { type: 'GIT', events: [{ introduced: 'abc' }] }],
        },
      ],
      database_specific: { severity: 'CRITICAL', cwe_ids: [] },
    });
    expect(compact).toEqual({
      id: 'GHSA-mmmm-mmmm-mmmm',
      aliases: ['CVE-1'],
      summary: 's',
      severity: 'critical',
      published: 'p',
      modified: 'm',
      affected: [{ name: 'left-pad', ranges: [range({ introduced: '0' }, { fixed: '1.3.0' })] }],
    });
    expect(compactAdvisory({ id: 'GHSA-p', affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [range({ introduced: '0' })] }] })).toBeNull();
  });
});
