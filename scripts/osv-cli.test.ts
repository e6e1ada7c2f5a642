// scripts/osv-snapshot.mjs and scripts/osv-check.mjs end to end, on a handmade advisory-database mirror.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scripts = import.meta.dirname;
let dir: string;

const advisory = (id: string, ecosystem: string, name: string, events: object[], severity: string, extra: object = {}) => ({
  schema_version: '1.4.0',
  id,
  modified: '2026-11-01T00:00:00Z',
  published: '2026-10-01T00:00:00Z',
  aliases: [],
  summary: `${id} summary`,
  details: 'long text the snapshot drops',
  affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events }] }],
  database_specific: { severity, github_reviewed: true },
  ...extra,
});

function run(cmd: string, args: string[], cwd = dir) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@t',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@t',
    GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
  };
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env });
}
const check = (...args: string[]) =>
  run(process.execPath, [path.join(scripts, 'osv-check.mjs'), '--lock', 'lock.json', '--snapshot', 'snap.json.gz', '--allow', 'allow.json', ...args]);
const writeAllow = (allow: object[]) => fs.writeFileSync(path.join(dir, 'allow.json'), JSON.stringify({ allow }));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osv-cli-'));
  const files: Record<string, object> = {
    'advisories/github-reviewed/2026/10/GHSA-aaaa-aaaa-aaaa/GHSA-aaaa-aaaa-aaaa.json': advisory(
      'GHSA-aaaa-aaaa-aaaa',
      'npm',
      'left-pad',
      [{ introduced: '0' }, { fixed: '1.3.0' }],
      'HIGH',
    ),
    'advisories/github-reviewed/2026/10/GHSA-bbbb-bbbb-bbbb/GHSA-bbbb-bbbb-bbbb.json': advisory(
      'GHSA-bbbb-bbbb-bbbb',
      'PyPI',
      'left-pad',
      [{ introduced: '0' }],
      'CRITICAL',
    ),
    'advisories/github-reviewed/2026/10/GHSA-cccc-cccc-cccc/GHSA-cccc-cccc-cccc.json': advisory(
      'GHSA-cccc-cccc-cccc',
      'npm',
      'left-pad',
      [{ introduced: '0' }],
      'CRITICAL',
      {
        withdrawn: '2026-10-02T00:00:00Z',
      },
    ),
    'advisories/unreviewed/2026/10/GHSA-dddd-dddd-dddd/GHSA-dddd-dddd-dddd.json': advisory(
      'GHSA-dddd-dddd-dddd',
      'npm',
      'left-pad',
      [{ introduced: '0' }],
      'CRITICAL',
    ),
  };
  const src = path.join(dir, 'src');
  for (const [p, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(src, p)), { recursive: true });
    fs.writeFileSync(path.join(src, p), JSON.stringify(body, null, 2));
  }
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'fixture'],
  ])
    expect(run('git', args, src).status).toBe(0);
  expect(run('git', ['clone', '-q', '--bare', 'src', 'mirror.git']).status).toBe(0);
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'fixture', dependencies: { tool: '^1' } },
      'node_modules/tool': { version: '1.0.0', dependencies: { 'left-pad': '^1' } },
      'node_modules/left-pad': { version: '1.2.0' },
    },
  };
  fs.writeFileSync(path.join(dir, 'lock.json'), JSON.stringify(lock));
  writeAllow([]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('osv-snapshot.mjs', () => {
  it('reads a bare mirror: only GitHub-reviewed npm advisories, compact, with the commit in the header', () => {
    const r = run(process.execPath, [path.join(scripts, 'osv-snapshot.mjs'), 'mirror.git', '--out', 'snap.json.gz']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const snap = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'snap.json.gz'))).toString());
    const head = run('git', ['--git-dir', 'mirror.git', 'rev-parse', 'HEAD']).stdout.trim();
    expect(snap.source).toEqual({ repository: 'github/advisory-database', commit: head, commitDate: '2026-11-20T10:00:00+00:00', layout: 'git' });
    expect(snap.snapshotDate).toBe('2026-11-20T10:00:00+00:00');
    expect(snap.advisories.map((a: { id: string }) => a.id)).toEqual(['GHSA-aaaa-aaaa-aaaa', 'GHSA-cccc-cccc-cccc']);
    expect(snap.advisories[0]).not.toHaveProperty('details');
  });
  it('reads a folder of OSV records (the all.zip layout) the same way', () => {
    const flat = path.join(dir, 'flat');
    fs.mkdirSync(flat);
    for (const id of ['aaaa', 'bbbb', 'cccc'])
      fs.copyFileSync(
        path.join(dir, `src/advisories/github-reviewed/2026/10/GHSA-${id}-${id}-${id}/GHSA-${id}-${id}-${id}.json`),
        path.join(flat, `GHSA-${id}.json`),
      );
    const r = run(process.execPath, [path.join(scripts, 'osv-snapshot.mjs'), 'flat', '--out', 'flat.json']);
    expect(r.status).toBe(0);
    const snap = JSON.parse(fs.readFileSync(path.join(dir, 'flat.json'), 'utf8'));
    expect(snap.advisories.map((a: { id: string }) => a.id)).toEqual(['GHSA-aaaa-aaaa-aaaa', 'GHSA-cccc-cccc-cccc']);
    expect(snap.snapshotDate).toBe('2026-11-01T00:00:00Z');
  });
});

describe('osv-check.mjs', () => {
  it('fails on a high finding, naming fix and path; the withdrawn advisory stays out', () => {
    const r = check('--today', '2026-12-02');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/left-pad +1\.2\.0 +GHSA-aaaa-aaaa-aaaa +cao \/ high +1\.3\.0 +\(root\) > tool > left-pad +LỖI \/ FAIL/);
    expect(r.stdout).not.toMatch(/GHSA-cccc/);
    expect(r.stdout).toMatch(/12 ngày trước \/ days old/);
    expect(r.stdout).not.toMatch(/WARNING/);
  });
  it('passes when the finding is below --level', () => {
    expect(check('--today', '2026-12-02', '--level', 'critical').status).toBe(0);
  });
  it('passes with an allow-list entry until it expires, then fails', () => {
    writeAllow([{ id: 'GHSA-aaaa-aaaa-aaaa', package: 'left-pad', reason: 'used only by the build tool', expires: '2027-03-01' }]);
    const ok = check('--today', '2026-12-02');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/allowed until 2027-03-01/);
    const expired = check('--today', '2027-03-02');
    expect(expired.status).toBe(1);
    expect(expired.stdout).toMatch(/expired on 2027-03-01/);
    writeAllow([]);
  });
  it('warns when the snapshot is older than --max-age, without failing for it', () => {
    const r = check('--today', '2026-12-02', '--level', 'critical', '--max-age', '7');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/older than 7 days/);
  });
  it('without a snapshot: exit 2, or 0 with a warning under --allow-missing-snapshot', () => {
    expect(check('--snapshot', 'none.json.gz').status).toBe(2);
    const r = check('--snapshot', 'none.json.gz', '--allow-missing-snapshot');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no dependency was checked/);
  });
});
