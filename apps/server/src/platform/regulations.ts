import fs from 'node:fs';
import path from 'node:path';
import { RegulationPackSchema, type RegulationPack } from '@khien/contracts';
import { REPO_ROOT } from './config.js';
import { notFound } from './errors.js';

/*
 * Regulation packs are data (regulations/packs/*.json), validated on load. A file is named after its
 * pack: `<id>.json` for the current version, `<id>@<version>.json` for an older one kept so that old
 * classifications can still be shown with the pack they used. A bad pack stops the server at start-up
 * with the file and the JSON path of the problem, rather than classifying systems against it.
 */

export const DEFAULT_REGULATIONS_DIR = path.join(REPO_ROOT, 'regulations/packs');

export function regulationsDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.KHIEN_REGULATIONS_DIR;
  return override ? path.resolve(override) : DEFAULT_REGULATIONS_DIR;
}

export class RegulationPackError extends Error {
  readonly file: string;
  readonly jsonPath: string;
  constructor(file: string, jsonPath: string, problem: string) {
    super(`Gói quy định không hợp lệ / invalid regulation pack ${file} at ${jsonPath}: ${problem}`);
    this.name = 'RegulationPackError';
    this.file = file;
    this.jsonPath = jsonPath;
  }
}

/** `$.levels[2].appraisal.by.vi`: the path as a person finds it in the file */
function formatJsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((acc, s) => {
    if (typeof s === 'number') return `${acc}[${s}]`;
    const key = String(s);
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${acc}.${key}` : `${acc}[${JSON.stringify(key)}]`;
  }, '$');
}

function compareSemver(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  // a pre-release sorts before its release
  if (x.pre === undefined || y.pre === undefined) return x.pre === y.pre ? 0 : x.pre === undefined ? 1 : -1;
  return x.pre < y.pre ? -1 : x.pre > y.pre ? 1 : 0;
}

/** Reads and validates one pack file; throws RegulationPackError naming the file and the JSON path. */
export function readRegulationPack(file: string): RegulationPack {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RegulationPackError(file, '$', `không đọc được JSON / unreadable JSON: ${(err as Error).message}`);
  }
  const parsed = RegulationPackSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : '';
    throw new RegulationPackError(file, formatJsonPath(first?.path ?? []), `${first?.message ?? 'invalid'}${more}`);
  }
  const pack = parsed.data;
  const base = path.basename(file, '.json');
  if (base !== pack.id && base !== `${pack.id}@${pack.version}`) {
    throw new RegulationPackError(file, '$.id', `tên tệp phải là "${pack.id}.json" hoặc "${pack.id}@${pack.version}.json" / file name must match the pack id`);
  }
  return pack;
}

interface PackIndex {
  dir: string;
  /** every version of every pack, newest version first within an id */
  all: RegulationPack[];
  /** id → newest version */
  latest: Map<string, RegulationPack>;
}

const cache = new Map<string, PackIndex>();

function indexDir(dir: string): PackIndex {
  const hit = cache.get(dir);
  if (hit) return hit;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new RegulationPackError(dir, '$', 'không có gói quy định nào / no packs (*.json) in the folder');
  const all: RegulationPack[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const file = path.join(dir, f);
    const pack = readRegulationPack(file);
    const key = `${pack.id}@${pack.version}`;
    const other = seen.get(key);
    if (other) throw new RegulationPackError(file, '$.version', `${key} đã có trong / already in ${other}`);
    seen.set(key, file);
    all.push(pack);
  }
  all.sort((a, b) => (a.id === b.id ? compareSemver(b.version, a.version) : a.id < b.id ? -1 : 1));
  const latest = new Map<string, RegulationPack>();
  for (const p of all) if (!latest.has(p.id)) latest.set(p.id, p);
  const index = { dir, all, latest };
  cache.set(dir, index);
  return index;
}

/** Loads (once per folder) and returns the newest version of every pack, ordered by id. */
export function loadRegulationPacks(dir: string = regulationsDir()): RegulationPack[] {
  return [...indexDir(path.resolve(dir)).latest.values()];
}

/** The pack with this id (and version; without one, the newest), or null when it is not installed. */
export function lookupRegulationPack(id: string, version?: string, dir: string = regulationsDir()): RegulationPack | null {
  const index = indexDir(path.resolve(dir));
  const pack = version === undefined ? index.latest.get(id) : index.all.find((p) => p.id === id && p.version === version);
  return pack ?? null;
}

/** As lookupRegulationPack, but an unknown id or version throws NOT_FOUND. */
export function getRegulationPack(id: string, version?: string, dir: string = regulationsDir()): RegulationPack {
  const pack = lookupRegulationPack(id, version, dir);
  if (!pack) throw notFound(`Không có gói quy định / no regulation pack ${version ? `${id}@${version}` : id}`);
  return pack;
}

/** The newest version of every pack, for choosing the one in force. */
export function listRegulationPacks(dir: string = regulationsDir()): RegulationPack[] {
  return loadRegulationPacks(dir);
}

/** Forgets loaded packs (tests; a future reload command). */
export function clearRegulationPackCache(): void {
  cache.clear();
}
