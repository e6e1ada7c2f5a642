import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from './audit.tables.js';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.js';

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; badSeq: number; reason: string };

/** Walks the chain in pages; the first row whose hash, link or number is wrong is named. */
export async function verifyAuditChain(db: Db, pageSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expected - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const r of page) {
      if (r.seq !== expected) {
        return { ok: false, rows, badSeq: expected, reason: `row ${expected} is missing (next row is ${r.seq}): deleted` };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, rows, badSeq: r.seq, reason: `row ${r.seq} does not link to row ${r.seq - 1}` };
      }
      const recomputed = hashAuditRow({ ...r, orgPath: r.orgPath ?? null });
      if (recomputed !== r.hash) {
        return { ok: false, rows, badSeq: r.seq, reason: `row ${r.seq} was changed after it was written (hash mismatch)` };
      }
      prevHash = r.hash;
      expected++;
      rows++;
    }
    if (page.length < pageSize) break;
  }
  return { ok: true, rows };
}
