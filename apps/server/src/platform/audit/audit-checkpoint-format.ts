import { AUDIT_CHECKPOINT_FORMAT, type AuditCheckpointFile } from '@khien/contracts';
import { keyIdOf, readPublicKeyPem, verifySignature } from './audit-signing.js';

export type SignedFields = Omit<AuditCheckpointFile, 'publicKey' | 'signature'>;

/**
 * The exact bytes the Ed25519 signature covers: UTF-8 text, one `name:value` line per field
 * in this fixed order, each line ended by a single LF (also the last), no spaces, nothing else:
 *
 *   format:khien-audit-checkpoint/1
 *   installation:<text>          (only when the file has one; never a CR or LF in it)
 *   at:<ISO 8601 UTC with milliseconds, as Date#toISOString: 2026-03-01T03:00:00.000Z>
 *   headSeq:<decimal, no sign, no leading zeros>
 *   headHash:<64 lowercase hex>
 *   rowCount:<decimal>
 *   keyId:<16 lowercase hex>
 *
 * Lines rather than JSON so that anyone can rebuild it by hand and check it with openssl
 * (`openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in signed.txt -sigfile sig.bin`)
 * without agreeing on a JSON canonicalisation. The public key is not in it: keyId names it
 * (sha256 of the raw key), and trust comes from comparing the whole key with a known one.
 */
export function canonicalCheckpointBytes(f: SignedFields): Buffer {
  if (f.format !== AUDIT_CHECKPOINT_FORMAT) throw new Error(`unknown checkpoint format ${String(f.format)}`);
  if (f.installation !== undefined && /[\r\n]/.test(f.installation)) throw new Error('installation must be one line');
  const lines = [
    `format:${f.format}`,
    ...(f.installation !== undefined ? [`installation:${f.installation}`] : []),
    `at:${new Date(f.at).toISOString()}`,
    `headSeq:${f.headSeq}`,
    `headHash:${f.headHash}`,
    `rowCount:${f.rowCount}`,
    `keyId:${f.keyId}`,
  ];
  return Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
}

/** Whether the file is internally sound: its key is the one its keyId names, and it signed these fields. */
export function checkFileSignature(file: AuditCheckpointFile): { signatureOk: boolean; keyIdOk: boolean } {
  let key;
  try {
    key = readPublicKeyPem(file.publicKey);
  } catch {
    return { signatureOk: false, keyIdOk: false };
  }
  return { keyIdOk: keyIdOf(key) === file.keyId, signatureOk: verifySignature(key, canonicalCheckpointBytes(file), file.signature) };
}

/** Same key, compared whole (not by the 64-bit keyId, which a determined forger could collide). */
export function sameKey(aPem: string, bPem: string): boolean {
  try {
    const a = readPublicKeyPem(aPem).export({ type: 'spki', format: 'der' });
    const b = readPublicKeyPem(bPem).export({ type: 'spki', format: 'der' });
    return a.equals(b);
  } catch {
    return false;
  }
}
