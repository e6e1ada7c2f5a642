// The dependency tree keeps the promises of the root package.json: every installed package runs on
// the oldest Node that `engines` admits, and `npm install` on a fresh clone leaves the lockfile as it is.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
// semver is in the tree already (npm ls semver), without types: the two functions used here
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

interface LockEntry {
  version?: string;
  link?: boolean;
  engines?: Record<string, string> | string[];
}
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; workspaces: string[] };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

/** engines.node of a lockfile entry or a package.json; old packages wrote engines as an array of strings. */
function nodeRange(engines: LockEntry['engines']): string | null {
  if (!engines) return null;
  if (Array.isArray(engines)) return engines.map((e) => /^node\s*(.*)$/.exec(e)?.[1]).find((r) => r) ?? null;
  return engines.node ?? null;
}

describe('dependencies', () => {
  const lowest = semver.minVersion(rootPackage.engines.node)!.version;

  it('every package in the lockfile, and as installed, runs on the lowest Node that engines promises', () => {
    expect(lowest).toBe('20.19.0');
    const refused: string[] = [];
    let checked = 0;
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === '') continue;
      const ranges = new Set<string>();
      const fromLock = nodeRange(entry.engines);
      if (fromLock) ranges.add(fromLock);
      // the installed copy's own package.json, which is what npm warns about at install time
      const installed = path.join(ROOT, where, 'package.json');
      if (fs.existsSync(installed)) {
        const fromDisk = nodeRange((JSON.parse(fs.readFileSync(installed, 'utf8')) as { engines?: LockEntry['engines'] }).engines);
        if (fromDisk) ranges.add(fromDisk);
      }
      for (const range of ranges) {
        checked++;
        if (!semver.satisfies(lowest, range)) refused.push(`${where}@${entry.version ?? '?'} wants node ${range}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(refused, `packages that need a newer Node than ${rootPackage.engines.node} (pin an older version in "overrides")`).toEqual([]);
  });

  // needs the registry (or npm's cache): skipped, saying why, when neither answers
  it('npm install on a fresh clone does not rewrite package-lock.json', (ctx) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-lock-'));
    try {
      for (const ws of ['.', ...rootPackage.workspaces]) {
        fs.mkdirSync(path.join(dir, ws), { recursive: true });
        fs.copyFileSync(path.join(ROOT, ws, 'package.json'), path.join(dir, ws, 'package.json'));
      }
      fs.copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
      if (fs.existsSync(path.join(ROOT, '.npmrc'))) fs.copyFileSync(path.join(ROOT, '.npmrc'), path.join(dir, '.npmrc'));
      const r = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.status !== 0) {
        const why = `${r.stderr ?? ''}${r.error?.message ?? ''}`;
        if (/ENOTFOUND|EAI_AGAIN|ENOTCACHED|ETIMEDOUT|ECONNREFUSED|ECONNRESET|network/i.test(why)) ctx.skip(`registry unreachable: ${why.slice(0, 200)}`);
        throw new Error(`npm install --package-lock-only failed:\n${why}`);
      }
      const after = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
      const before = fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');
      if (after !== before) {
        const added = Object.keys((JSON.parse(after) as typeof lock).packages).filter((k) => !(k in lock.packages));
        expect.fail(
          `npm would rewrite package-lock.json (run npm install and commit it); entries it adds: ${added.slice(0, 10).join(', ') || '(changed ones)'}`,
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
