import fs from 'node:fs';
import { AuditCheckpointFileSchema, type AuditCheckpointFile } from '@khien/contracts';
import type { Db } from '../db/client.js';
import { verifyAuditChain, type VerifyResult } from './audit-verify.js';
import { checkpointFileOf } from './audit-checkpoint.js';
import { describeIssue, verifyAgainstCheckpoint } from './audit-checkpoint-verify.js';
import { findNewestCheckpoint } from './audit-checkpoints.repo.js';
import { readPublicKeyPem, type AuditKeys } from './audit-signing.js';
import type { Lang } from '../words.js';

/**
 * 0: intact; 1: the checkpoint does not hold (rows removed, head replaced, bad signature,
 * wrong key); 2: the hash chain itself is broken (as `khien audit verify` always answered).
 */
export type VerifyExitCode = 0 | 1 | 2;

export interface VerifyReportOptions {
  /** `--checkpoint FILE`: an exported checkpoint; without it, the newest one stored in the database */
  checkpointPath?: string | undefined;
  /** `--key FILE`: the public (or private) key PEM the checkpoint must be signed with */
  keyPath?: string | undefined;
  /** the language of the lines (default Vietnamese) */
  lang?: Lang | undefined;
}

export function readCheckpointFile(file: string, lang: Lang = 'vi'): AuditCheckpointFile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as Error).message;
    throw new Error(lang === 'vi' ? `Không đọc được tệp điểm kiểm tra ${file}: ${why}` : `Cannot read the checkpoint file ${file}: ${why}`);
  }
  const parsed = AuditCheckpointFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || (lang === 'vi' ? '(tệp)' : '(file)')}: ${i.message}`).join('; ');
    throw new Error(lang === 'vi' ? `Tệp điểm kiểm tra không hợp lệ: ${issues}` : `Invalid checkpoint file: ${issues}`);
  }
  return parsed.data;
}

function chainLine(r: VerifyResult, lang: Lang): string {
  if (lang === 'en') return r.ok ? `Audit log intact: ${r.rows} rows` : `AUDIT LOG TAMPERED at row ${r.badSeq}: ${r.reason}`;
  return r.ok ? `Nhật ký toàn vẹn: ${r.rows} dòng` : `NHẬT KÝ BỊ SỬA ĐỔI tại dòng ${r.badSeq}: ${r.reason}`;
}

/** What `khien audit verify` prints and how it exits, kept out of cli.ts so tests can call it. */
export async function auditVerifyReport(db: Db, keys: AuditKeys, o: VerifyReportOptions): Promise<{ lines: string[]; exitCode: VerifyExitCode }> {
  const lang = o.lang ?? 'vi';
  const vi = lang === 'vi';
  const pinnedKeyPem = o.keyPath ? fs.readFileSync(o.keyPath, 'utf8') : undefined;
  if (pinnedKeyPem !== undefined) readPublicKeyPem(pinnedKeyPem);
  const installationKey = keys.publicKey();
  let file: AuditCheckpointFile;
  let source: string;
  if (o.checkpointPath) {
    file = readCheckpointFile(o.checkpointPath, lang);
    source = o.checkpointPath;
  } else {
    const newest = await findNewestCheckpoint(db);
    if (!newest) {
      const chain = await verifyAuditChain(db);
      return {
        lines: [
          chainLine(chain, lang),
          vi ? 'Chưa có điểm kiểm tra nào để so sánh (khien audit checkpoint)' : 'No checkpoint stored yet to compare with (khien audit checkpoint)',
        ],
        exitCode: chain.ok ? 0 : 2,
      };
    }
    const stored = await checkpointFileOf(db, newest, installationKey);
    if (!stored)
      throw new Error(vi ? `Không tìm thấy khoá công khai của điểm kiểm tra #${newest.id}` : `The public key of checkpoint #${newest.id} is not found`);
    file = stored;
    source = `#${newest.id} (${vi ? 'cơ sở dữ liệu' : 'database'})`;
  }

  const r = await verifyAgainstCheckpoint(db, file, { installationKey, ...(pinnedKeyPem !== undefined ? { pinnedKeyPem } : {}) });
  const lines = [
    vi
      ? `Điểm kiểm tra ${source}: đến số thứ tự ${file.headSeq}, ${file.rowCount} bản ghi, lúc ${file.at}, khoá ${file.keyId}`
      : `Checkpoint ${source}: up to seq ${file.headSeq}, ${file.rowCount} rows, at ${file.at}, key ${file.keyId}`,
    chainLine(r.chain, lang),
    ...r.errors.filter((i) => i.code !== 'chain_broken').map((i) => describeIssue(i, lang)),
    ...r.warnings.map((i) => describeIssue(i, lang)),
  ];
  if (r.ok) {
    lines.push(
      vi
        ? `Khớp điểm kiểm tra: không mất bản ghi nào đến số thứ tự ${file.headSeq}; ${r.rowsAfterHead} bản ghi mới sau đó`
        : `The checkpoint holds: nothing removed up to seq ${file.headSeq}; ${r.rowsAfterHead} newer rows after it`,
    );
  }
  return { lines, exitCode: !r.chain.ok ? 2 : r.ok ? 0 : 1 };
}
