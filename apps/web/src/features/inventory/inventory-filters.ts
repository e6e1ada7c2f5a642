import type { AssetKind, DossierStatus, SystemCategory } from '@khien/contracts';
import { ASSET_KINDS, CRITICALITIES, DOSSIER_STATUSES, HYGIENE_FILTERS, SYSTEM_CATEGORIES, type Criticality, type HygieneFilter } from '../../lib/enums';
import type { AssetListQuery, IpRangeListQuery, LevelFilter, SystemListQuery } from './inventory-api';

/**
 * Registry filters live in the address bar, so a count on the inventory page can link to the filtered
 * list and a filtered list can be bookmarked or sent. Unknown values are dropped, never sent to the server.
 */

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null, max = 100): string | undefined {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function id(value: string | null): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

export function readLevel(value: string | null): LevelFilter | undefined {
  if (value === 'none') return 'none';
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 5 ? (n as LevelFilter) : undefined;
}

export type SystemFilters = Pick<SystemListQuery, 'under' | 'q' | 'category' | 'level' | 'dossier'>;
export type AssetFilters = Pick<AssetListQuery, 'under' | 'q' | 'kind' | 'criticality' | 'hygiene' | 'ip'>;
export type IpRangeFilters = Pick<IpRangeListQuery, 'under' | 'q' | 'overlapping' | 'ip'>;

export function readSystemFilters(params: URLSearchParams): SystemFilters {
  return {
    under: id(params.get('under')),
    q: text(params.get('q')),
    category: pick<SystemCategory>(params.get('category'), SYSTEM_CATEGORIES),
    level: readLevel(params.get('level')),
    dossier: pick<DossierStatus>(params.get('dossier'), DOSSIER_STATUSES),
  };
}

export function readAssetFilters(params: URLSearchParams): AssetFilters {
  return {
    under: id(params.get('under')),
    q: text(params.get('q')),
    kind: pick<AssetKind>(params.get('kind'), ASSET_KINDS),
    criticality: pick<Criticality>(params.get('criticality'), CRITICALITIES),
    hygiene: pick<HygieneFilter>(params.get('hygiene'), HYGIENE_FILTERS),
    ip: text(params.get('ip'), 64),
  };
}

export function readIpRangeFilters(params: URLSearchParams): IpRangeFilters {
  return {
    under: id(params.get('under')),
    q: text(params.get('q')),
    overlapping: params.get('overlapping') === 'true' ? 'true' : undefined,
    ip: text(params.get('ip'), 64),
  };
}

/** Filters → "?a=1&b=2" (empty ones left out, stable order), or "" when nothing is set. */
export function toSearch(filters: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A stable string for "did the filters change?" (the pager goes back to page 1 when they do). */
export function filterKey(filters: object): string {
  return JSON.stringify(Object.entries(filters).filter(([, v]) => v !== undefined));
}
