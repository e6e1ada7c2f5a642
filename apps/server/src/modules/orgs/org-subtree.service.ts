import type { Org } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { jsonText } from '../../platform/http/serializer.js';
import { inScope, type Scope } from '../../platform/policy.js';
import { findOrgPlace, findSubtreePageJson, orgTreeMarker } from './orgs.repo.js';

interface SubtreePage {
  path: string;
  descendantCount: number;
  items: string;
}

const MAX_PAGES = 200;
// per database handle: the pages read since its change marker last moved
const caches = new WeakMap<Db, { marker: string; pages: Map<string, SubtreePage> }>();

/**
 * A whole subtree in tree order, the busiest read of the app (every tree view opens with it):
 * two lean queries and a body the database has already encoded. Same answers as the general
 * list: 404 outside the caller's read scope, the total from the stored subtree size.
 *
 * The page is kept until the org tree changes (orgTreeMarker: PGlite's change marker, or the
 * trigger-kept counter on PostgreSQL), so a repeat costs one tiny query instead of two; the
 * caller's scope is still checked on every request, against the org's path when read.
 */
export async function listSubtree(db: Db, scope: Scope, underId: string, limit: number, offset: number): Promise<{ items: Org[]; total: number }> {
  const marker = await orgTreeMarker(db);
  const key = `${underId}/${limit}/${offset}`;
  let cache = marker === null ? undefined : caches.get(db);
  if (marker !== null && cache?.marker !== marker) caches.set(db, (cache = { marker, pages: new Map() }));
  let page = cache?.pages.get(key);
  if (!page) {
    const under = await findOrgPlace(db, underId);
    if (!under || !inScope(scope, under.path)) throw notFound();
    page = { ...under, items: await findSubtreePageJson(db, under.path, limit, offset) };
    if (cache) {
      if (cache.pages.size >= MAX_PAGES) cache.pages.clear();
      cache.pages.set(key, page);
    }
  } else if (!inScope(scope, page.path)) {
    throw notFound();
  }
  return jsonText<{ items: Org[]; total: number }>(`{"items":${page.items},"total":${page.descendantCount + 1}}`);
}

const notFound = () => domainError('NOT_FOUND', 'org_not_found', 'org not found');
