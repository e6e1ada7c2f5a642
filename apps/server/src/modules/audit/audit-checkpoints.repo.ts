import { isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { orgs } from '../orgs/index.js';

/** The ltree paths of the forest's roots: a reader whose scope holds them all reads the whole installation. */
export async function findRootOrgPaths(db: Db): Promise<string[]> {
  const rows = await db
    .select({ path: sql<string>`${orgs.path}::text` })
    .from(orgs)
    .where(isNull(orgs.parentId));
  return rows.map((r) => r.path);
}
