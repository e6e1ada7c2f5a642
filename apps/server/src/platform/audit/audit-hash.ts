import { createHash } from 'node:crypto';

/** Sorted-key JSON: jsonb reorders keys on storage, so hashes must not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  orgPath: string | null;
  changes: unknown;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditRow(r: HashedFields): string {
  const body = canonicalJson([
    r.seq,
    r.at.toISOString(),
    r.actorUserId,
    r.actorTokenId,
    r.actorLabel,
    r.ip,
    r.requestId,
    r.action,
    r.entityType,
    r.entityId,
    r.orgId,
    r.orgPath,
    r.changes,
    r.prevHash,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

const SECRET_FIELDS = new Set(['passwordHash', 'totpSecret', 'totpPendingSecret', 'tokenHash', 'codeHash', 'csrfToken']);

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** Before/after of the fields that changed; secrets show only that they changed. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Changes = {};
  for (const k of keys) {
    if (k === 'updatedAt' || k === 'searchText') continue;
    const b = normalise(before?.[k]);
    const a = normalise(after?.[k]);
    if (canonicalJson(b) === canonicalJson(a)) continue;
    out[k] = SECRET_FIELDS.has(k) ? { before: b === null ? null : '[ẩn]', after: a === null ? null : '[ẩn]' } : { before: b, after: a };
  }
  return out;
}

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return v;
}
