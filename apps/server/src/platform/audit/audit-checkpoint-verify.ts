import type { AuditCheckpointFile } from '@khien/contracts';
import type { Db } from '../db/client.js';
import { verifyAuditChain, type VerifyResult } from './audit-verify.js';
import { checkFileSignature, sameKey } from './audit-checkpoint-format.js';
import { countRowsAfter, countRowsUpTo, findRowHash } from './audit-checkpoints.repo.js';
import type { Lang } from '../words.js';

export type CheckpointIssue =
  | { code: 'bad_signature' }
  | { code: 'key_id_mismatch' }
  | { code: 'key_not_pinned' }
  | { code: 'key_not_current'; fileKeyId: string; currentKeyId: string }
  | { code: 'no_installation_key' }
  | { code: 'rows_removed'; present: number; expected: number; headSeq: number }
  | { code: 'rows_added'; present: number; expected: number; headSeq: number }
  | { code: 'head_hash_mismatch'; headSeq: number; expected: string; actual: string }
  | { code: 'chain_broken'; badSeq: number; reason: string };

export interface CheckpointVerification {
  /** no errors (warnings allowed) */
  ok: boolean;
  errors: CheckpointIssue[];
  warnings: CheckpointIssue[];
  chain: VerifyResult;
  /** rows now at or below the checkpoint's head, and after it */
  rowsUpToHead: number;
  rowsAfterHead: number;
}

export interface VerifyCheckpointOptions {
  /** the installation's key now; a different key in the file is only a warning (keys get replaced) */
  installationKey?: { keyId: string; publicKeyPem: string } | null;
  /** `--key FILE`: the only key to accept; any other is an error */
  pinnedKeyPem?: string;
}

/**
 * Proves, as far as a checkpoint can, that nothing at or before its head was removed or
 * changed: the file is signed, the row it names still has its hash, the count up to it is
 * the same, and the chain up to today still links. Rows after the head are not covered.
 */
export async function verifyAgainstCheckpoint(db: Db, file: AuditCheckpointFile, o: VerifyCheckpointOptions = {}): Promise<CheckpointVerification> {
  const errors: CheckpointIssue[] = [];
  const warnings: CheckpointIssue[] = [];

  const sig = checkFileSignature(file);
  if (!sig.signatureOk) errors.push({ code: 'bad_signature' });
  if (!sig.keyIdOk) errors.push({ code: 'key_id_mismatch' });
  if (o.pinnedKeyPem !== undefined) {
    if (!sameKey(o.pinnedKeyPem, file.publicKey)) errors.push({ code: 'key_not_pinned' });
  } else if (!o.installationKey) {
    warnings.push({ code: 'no_installation_key' });
  } else if (!sameKey(o.installationKey.publicKeyPem, file.publicKey)) {
    warnings.push({ code: 'key_not_current', fileKeyId: file.keyId, currentKeyId: o.installationKey.keyId });
  }

  const [rowsUpToHead, rowsAfterHead, headHash, chain] = await Promise.all([
    countRowsUpTo(db, file.headSeq),
    countRowsAfter(db, file.headSeq),
    file.headSeq === 0 ? Promise.resolve(null) : findRowHash(db, file.headSeq),
    verifyAuditChain(db),
  ]);
  const at = { present: rowsUpToHead, expected: file.rowCount, headSeq: file.headSeq };
  if (rowsUpToHead < file.rowCount) errors.push({ code: 'rows_removed', ...at });
  else if (rowsUpToHead > file.rowCount) errors.push({ code: 'rows_added', ...at });
  // a missing head row is already "rows removed"; a present one with another hash was rewritten
  if (headHash !== null && headHash !== file.headHash)
    errors.push({ code: 'head_hash_mismatch', headSeq: file.headSeq, expected: file.headHash, actual: headHash });
  if (!chain.ok) errors.push({ code: 'chain_broken', badSeq: chain.badSeq, reason: chain.reason });

  return { ok: errors.length === 0, errors, warnings, chain, rowsUpToHead, rowsAfterHead };
}

/** One line per issue, Vietnamese first, English second, for the CLI. */
/** An issue in words, in Vietnamese (the default) or English. */
export function describeIssue(i: CheckpointIssue, lang: Lang = 'vi'): string {
  const vi = lang === 'vi';
  switch (i.code) {
    case 'bad_signature':
      return vi ? 'Chữ ký của điểm kiểm tra không hợp lệ (tệp đã bị sửa?)' : 'The checkpoint signature is invalid (was the file altered?)';
    case 'key_id_mismatch':
      return vi ? 'Mã khoá (keyId) không khớp với khoá công khai trong tệp' : 'The keyId does not match the public key in the file';
    case 'key_not_pinned':
      return vi ? 'Điểm kiểm tra không được ký bằng khoá chỉ định (--key)' : 'The checkpoint was not signed with the pinned key (--key)';
    case 'key_not_current':
      return vi
        ? `Cảnh báo: điểm kiểm tra ký bằng khoá ${i.fileKeyId}, khoá hiện tại của hệ thống là ${i.currentKeyId}`
        : `Warning: signed with key ${i.fileKeyId}; the installation's key is now ${i.currentKeyId}`;
    case 'no_installation_key':
      return vi
        ? 'Cảnh báo: hệ thống chưa có khoá ký để so sánh; dùng --key để chỉ định khoá tin cậy'
        : 'Warning: no installation key to compare with; pass --key to pin a trusted key';
    case 'rows_removed':
      return vi
        ? `Đã mất các bản ghi nhật ký sau điểm kiểm tra: có ${i.present} bản ghi, điểm kiểm tra ghi ${i.expected} (đến số thứ tự ${i.headSeq})`
        : `Audit rows removed after the checkpoint: ${i.present} rows present, the checkpoint records ${i.expected} (up to seq ${i.headSeq})`;
    case 'rows_added':
      return vi
        ? `Số bản ghi đến điểm kiểm tra nhiều hơn điểm kiểm tra ghi: có ${i.present}, ghi ${i.expected}`
        : `More rows up to the checkpoint than it records: ${i.present} present, ${i.expected} recorded`;
    case 'head_hash_mismatch':
      return vi
        ? `Mã băm của bản ghi ${i.headSeq} khác với điểm kiểm tra (bản ghi đã bị thay): ${i.actual.slice(0, 12)}… ≠ ${i.expected.slice(0, 12)}…`
        : `The hash of row ${i.headSeq} differs from the checkpoint (row replaced): ${i.actual.slice(0, 12)}… ≠ ${i.expected.slice(0, 12)}…`;
    case 'chain_broken':
      return vi ? `Chuỗi băm bị hỏng tại dòng ${i.badSeq}: ${i.reason}` : `Hash chain broken at row ${i.badSeq}: ${i.reason}`;
  }
}
