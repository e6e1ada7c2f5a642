// Pure OSV matching for scripts/osv-check.mjs and scripts/osv-snapshot.mjs: no I/O, so it is unit-tested
// (scripts/lib/osv.test.ts). Semantics follow the OSV schema's `affected[].ranges` evaluation, with versions
// compared by SemVer 2.0 precedence (a prerelease sorts before its release; build metadata is ignored).

export const SEVERITIES = ['low', 'moderate', 'high', 'critical'];

/** Index in SEVERITIES, or SEVERITIES.length for an unknown severity: a gap in the data counts as the worst case. */
export function severityRank(severity) {
  const i = SEVERITIES.indexOf(String(severity ?? '').toLowerCase());
  return i < 0 ? SEVERITIES.length : i;
}

const VERSION = /^[v=]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

/** `1.2.3-rc.1` → { main: [1, 2, 3], pre: ['rc', 1] }; a missing minor/patch is 0; null when not a version. */
export function parseVersion(text) {
  const m = VERSION.exec(String(text).trim());
  if (!m) return null;
  const main = [m[1], m[2] ?? '0', m[3] ?? '0'].map(Number);
  const pre = m[4] === undefined ? [] : m[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id));
  return { main, pre };
}

function comparePre(a, b) {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release sorts after its prereleases
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const xn = typeof x === 'number';
    const yn = typeof y === 'number';
    if (xn && yn) return x < y ? -1 : 1;
    if (xn !== yn) return xn ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    return x < y ? -1 : 1;
  }
  return 0;
}

/** -1, 0 or 1; throws on a string that is not a version, so a caller never guesses silently. */
export function compareVersions(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x) throw new Error(`not a version: ${a}`);
  if (!y) throw new Error(`not a version: ${b}`);
  for (let i = 0; i < 3; i++) if (x.main[i] !== y.main[i]) return x.main[i] < y.main[i] ? -1 : 1;
  return Math.sign(comparePre(x.pre, y.pre));
}

function eventVersion(event) {
  if ('introduced' in event) return event.introduced;
  if ('fixed' in event) return event.fixed;
  if ('last_affected' in event) return event.last_affected;
  return event.limit;
}

/**
 * One SEMVER/ECOSYSTEM range against one version (OSV schema, "Evaluation"): sorted events, `introduced: "0"` first;
 * affected from an `introduced` at or below the version until a `fixed` at or below it or a `last_affected` below it.
 * Returns { affected, fixed } where fixed is the `fixed` that closes the interval holding the version, if any.
 * GIT ranges (commit hashes) say nothing about an npm version: { affected: false, fixed: null }.
 */
export function rangeAffects(range, version) {
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') return { affected: false, fixed: null };
  const events = (range.events ?? []).filter((e) => !('limit' in e));
  const key = (e) => ('introduced' in e && e.introduced === '0' ? null : eventVersion(e));
  const sorted = [...events].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? -1 : 1;
    return compareVersions(ka, kb);
  });
  let affected = false;
  for (const e of sorted) {
    if ('introduced' in e) {
      if (e.introduced === '0' || compareVersions(version, e.introduced) >= 0) affected = true;
    } else if ('fixed' in e) {
      if (compareVersions(version, e.fixed) >= 0) affected = false;
    } else if ('last_affected' in e) {
      if (compareVersions(version, e.last_affected) > 0) affected = false;
    }
  }
  if (!affected) return { affected, fixed: null };
  const next = sorted.find((e) => 'fixed' in e && compareVersions(e.fixed, version) > 0);
  return { affected, fixed: next ? next.fixed : null };
}

function sameVersion(a, b) {
  if (a === b) return true;
  return parseVersion(a) !== null && parseVersion(b) !== null && compareVersions(a, b) === 0;
}

/**
 * One compact `affected` entry ({ name, ranges?, versions? }) against one version.
 * Returns { affected, fixed: string[], error? }: error names a range that could not be evaluated (a version
 * string that is no SemVer); such an entry is reported rather than silently passed.
 */
export function entryAffects(entry, version) {
  const fixed = new Set();
  let affected = (entry.versions ?? []).some((v) => sameVersion(v, version));
  let error;
  for (const range of entry.ranges ?? []) {
    try {
      const r = rangeAffects(range, version);
      if (r.affected) {
        affected = true;
        if (r.fixed) fixed.add(r.fixed);
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  return { affected, fixed: [...fixed], ...(error ? { error } : {}) };
}

/** Full OSV record → the compact form the snapshot keeps, or null when it has no npm package. */
export function compactAdvisory(osv) {
  const affected = [];
  for (const a of osv.affected ?? []) {
    if (a.package?.ecosystem !== 'npm' || !a.package.name) continue;
    const ranges = (a.ranges ?? [])
      .filter((r) => (r.type === 'SEMVER' || r.type === 'ECOSYSTEM') && Array.isArray(r.events) && r.events.length > 0)
      .map((r) => ({ type: r.type, events: r.events }));
    const versions = Array.isArray(a.versions) && a.versions.length > 0 ? a.versions : undefined;
    if (ranges.length === 0 && !versions) continue;
    affected.push({ name: a.package.name, ...(ranges.length ? { ranges } : {}), ...(versions ? { versions } : {}) });
  }
  if (affected.length === 0) return null;
  const severity = String(osv.database_specific?.severity ?? 'unknown').toLowerCase();
  return {
    id: osv.id,
    ...(osv.aliases?.length ? { aliases: osv.aliases } : {}),
    summary: osv.summary ?? '',
    severity,
    published: osv.published,
    modified: osv.modified,
    ...(osv.withdrawn ? { withdrawn: osv.withdrawn } : {}),
    affected,
  };
}

/** package name → [{ advisory, entry }], without withdrawn advisories. */
export function indexSnapshot(snapshot) {
  const index = new Map();
  for (const advisory of snapshot.advisories ?? []) {
    if (advisory.withdrawn) continue;
    for (const entry of advisory.affected ?? []) {
      let list = index.get(entry.name);
      if (!list) index.set(entry.name, (list = []));
      list.push({ advisory, entry });
    }
  }
  return index;
}

/** `apps/server/node_modules/a/node_modules/b` → `apps/server > a > b`. */
export function displayKey(key) {
  return key
    .split(/\/?node_modules\//)
    .filter(Boolean)
    .join(' > ');
}

/**
 * Installed packages of a lockfileVersion 2/3 lock: every `…node_modules/NAME` entry with a version, nested ones too;
 * the root, workspace folders and `link: true` entries (workspace symlinks) are not packages from the registry.
 * An aliased dependency (`"x": "npm:real@1"`) is checked under its real name (the entry's `name`).
 */
export function lockPackages(lock) {
  if (!lock || typeof lock.packages !== 'object') throw new Error('package-lock.json has no "packages" map (lockfileVersion 2 or 3 needed)');
  const out = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    const i = key.lastIndexOf('node_modules/');
    if (i < 0 || entry.link || !entry.version) continue;
    out.push({
      name: entry.name ?? key.slice(i + 'node_modules/'.length),
      version: entry.version,
      key,
      dev: entry.dev === true,
      optional: entry.optional === true,
    });
  }
  return out;
}

function parentDir(dir) {
  const i = dir.lastIndexOf('/');
  return i < 0 ? '' : dir.slice(0, i);
}

/** The lock key Node would load `name` from when required inside the package at `fromKey` (`''` is the root). */
export function resolveInLock(packages, fromKey, name) {
  let dir = fromKey;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (dir === '') return null;
    dir = parentDir(dir);
  }
}

/**
 * For every lock key, the shortest chain of keys from the root or a workspace that pulls it in (through
 * dependencies, optional, dev and peer dependencies, following workspace links); keys nothing reaches are absent.
 */
export function dependencyChains(lock) {
  const packages = lock.packages ?? {};
  const chains = new Map();
  const queue = [];
  for (const key of Object.keys(packages)) {
    if (!key.includes('node_modules/')) {
      chains.set(key, [key]);
      queue.push(key);
    }
  }
  while (queue.length > 0) {
    const key = /** @type {string} */ (queue.shift());
    const entry = packages[key] ?? {};
    const names = new Set([
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.devDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}),
    ]);
    for (const name of names) {
      let target = resolveInLock(packages, key, name);
      if (target && packages[target]?.link && typeof packages[target].resolved === 'string') target = packages[target].resolved;
      if (!target || chains.has(target)) continue;
      chains.set(target, [...(chains.get(key) ?? []), target]);
      queue.push(target);
    }
  }
  return chains;
}

/** `['', 'node_modules/a', 'node_modules/b']` → `(root) > a > b`, with workspace folders by their path. */
export function displayChain(chain) {
  return chain.map((key, i) => (i === 0 ? key || '(root)' : (key.split('node_modules/').pop() ?? key))).join(' > ');
}

/** Every (advisory, installed package) pair the snapshot reports; pure, so `now` plays no part here. */
export function findAffected(snapshot, installed) {
  const index = indexSnapshot(snapshot);
  const findings = [];
  const errors = [];
  for (const pkg of installed) {
    for (const { advisory, entry } of index.get(pkg.name) ?? []) {
      const r = entryAffects(entry, pkg.version);
      if (r.error) errors.push({ id: advisory.id, name: pkg.name, version: pkg.version, error: r.error });
      if (!r.affected) continue;
      findings.push({
        id: advisory.id,
        aliases: advisory.aliases ?? [],
        summary: advisory.summary ?? '',
        severity: advisory.severity ?? 'unknown',
        name: pkg.name,
        version: pkg.version,
        key: pkg.key,
        dev: pkg.dev,
        fixed: r.fixed.sort(compareVersions),
      });
    }
  }
  findings.sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id) || a.key.localeCompare(b.key),
  );
  return { findings, errors };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * security/osv-allow.json → { entries, errors }. Each entry needs an `id` (GHSA id or an alias such as a CVE),
 * a `reason` and an `expires` date (YYYY-MM-DD, last day it holds); `package` narrows it to one package.
 * An entry past its date is an error: the acceptance has to be looked at again, not kept by default.
 */
export function readAllowList(json, today) {
  const entries = [];
  const errors = [];
  const list = Array.isArray(json) ? json : json?.allow;
  if (!Array.isArray(list)) return { entries, errors: ['osv-allow.json: expected { "allow": [ … ] }'] };
  for (const [i, e] of list.entries()) {
    const where = `osv-allow.json allow[${i}]${e?.id ? ` (${e.id})` : ''}`;
    if (!e || typeof e.id !== 'string' || !e.id) errors.push(`${where}: thiếu "id" / missing "id"`);
    else if (typeof e.reason !== 'string' || !e.reason.trim()) errors.push(`${where}: thiếu lý do "reason" / missing "reason"`);
    else if (typeof e.expires !== 'string' || !DATE.test(e.expires) || Number.isNaN(Date.parse(e.expires)))
      errors.push(`${where}: "expires" phải là YYYY-MM-DD / "expires" must be YYYY-MM-DD`);
    else if (e.expires < today) errors.push(`${where}: hết hạn ngày ${e.expires} — xem lại hoặc gỡ / expired on ${e.expires}: review or remove it`);
    else entries.push(e);
  }
  return { entries, errors };
}

function allows(entry, finding) {
  if (entry.id !== finding.id && !finding.aliases.includes(entry.id)) return false;
  if (entry.package && entry.package !== finding.name) return false;
  if (entry.version && entry.version !== finding.version) return false;
  return true;
}

/**
 * Findings marked { allowed: entry | null, failing }; failing = at or above `level`, not allowed.
 * `unused` lists allow-list entries that matched nothing (stale, worth removing).
 */
export function judge(findings, allowEntries, level) {
  const threshold = severityRank(level);
  const used = new Set();
  const judged = findings.map((f) => {
    const allowed = allowEntries.find((e) => allows(e, f)) ?? null;
    if (allowed) used.add(allowed);
    return { ...f, allowed, failing: !allowed && severityRank(f.severity) >= threshold };
  });
  return { findings: judged, unused: allowEntries.filter((e) => !used.has(e)) };
}

/** Whole days from the snapshot's date to `now` (both Date-parsable). */
export function ageInDays(snapshotDate, now) {
  return Math.floor((Date.parse(now) - Date.parse(snapshotDate)) / 86_400_000);
}
