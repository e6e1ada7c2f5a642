// Types of scripts/lib/osv.mjs, for its tests (scripts/lib/osv.test.ts).

export type Severity = 'low' | 'moderate' | 'high' | 'critical' | 'unknown';
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}
export interface OsvRange {
  type: string;
  events: OsvEvent[];
}
/** One npm package's entry in a compact advisory. */
export interface AffectedEntry {
  name: string;
  ranges?: OsvRange[];
  versions?: string[];
}
export interface Advisory {
  id: string;
  aliases?: string[];
  summary: string;
  severity: Severity | string;
  published?: string;
  modified?: string;
  withdrawn?: string;
  affected: AffectedEntry[];
}
export interface Snapshot {
  format?: string;
  source?: { repository: string; commit: string | null; commitDate: string | null; layout: string };
  snapshotDate?: string | null;
  generatedAt?: string;
  advisories: Advisory[];
}
export interface LockEntry {
  name?: string;
  version?: string;
  link?: boolean;
  resolved?: string;
  dev?: boolean;
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
export interface Lock {
  lockfileVersion?: number;
  packages: Record<string, LockEntry>;
}
export interface InstalledPackage {
  name: string;
  version: string;
  key: string;
  dev: boolean;
  optional: boolean;
}
export interface Finding {
  id: string;
  aliases: string[];
  summary: string;
  severity: string;
  name: string;
  version: string;
  key: string;
  dev: boolean;
  fixed: string[];
}
export interface AllowEntry {
  id: string;
  package?: string;
  version?: string;
  reason: string;
  expires: string;
}
export interface JudgedFinding extends Finding {
  allowed: AllowEntry | null;
  failing: boolean;
}

export const SEVERITIES: readonly ['low', 'moderate', 'high', 'critical'];
export function severityRank(severity: string | undefined | null): number;
export function parseVersion(text: string): { main: [number, number, number]; pre: (string | number)[] } | null;
export function compareVersions(a: string, b: string): -1 | 0 | 1;
export function rangeAffects(range: OsvRange, version: string): { affected: boolean; fixed: string | null };
export function entryAffects(entry: AffectedEntry, version: string): { affected: boolean; fixed: string[]; error?: string };
export function compactAdvisory(osv: unknown): Advisory | null;
export function indexSnapshot(snapshot: Snapshot): Map<string, { advisory: Advisory; entry: AffectedEntry }[]>;
export function displayKey(key: string): string;
export function lockPackages(lock: unknown): InstalledPackage[];
export function resolveInLock(packages: Record<string, LockEntry>, fromKey: string, name: string): string | null;
export function dependencyChains(lock: Lock): Map<string, string[]>;
export function displayChain(chain: string[]): string;
export function findAffected(
  snapshot: Snapshot,
  installed: InstalledPackage[],
): { findings: Finding[]; errors: { id: string; name: string; version: string; error: string }[] };
export function readAllowList(json: unknown, today: string): { entries: AllowEntry[]; errors: string[] };
export function judge(findings: Finding[], allowEntries: AllowEntry[], level: string): { findings: JudgedFinding[]; unused: AllowEntry[] };
export function ageInDays(snapshotDate: string, now: string): number;
