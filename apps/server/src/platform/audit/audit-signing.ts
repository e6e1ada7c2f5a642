import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** The installation's Ed25519 key for signing audit checkpoints. */
export interface AuditSigner {
  keyId: string;
  /** SPKI PEM, put into every exported checkpoint */
  publicKeyPem: string;
  sign(message: Buffer): string;
}

export interface AuditKeys {
  /** The signer, reading the key file or (without KHIEN_AUDIT_KEY_FILE) creating it on first use. */
  signer(): AuditSigner;
  /** The public half if a key exists, never creating one (verification must not mint keys). */
  publicKey(): { keyId: string; publicKeyPem: string } | null;
}

export interface AuditKeyOptions {
  /** KHIEN_AUDIT_KEY_FILE: a PEM private key kept outside the repo and the data folder */
  keyFile: string | undefined;
  dataDir: string;
  /** PostgreSQL: several processes may sign, and each would mint its own key in its own data folder */
  multiProcess: boolean;
  warn?: (message: string) => void;
}

export const GENERATED_KEY_NAME = 'audit-signing-key.pem';

/** First 16 hex digits of sha256 over the raw 32-byte public key: short enough to read aloud. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('Khoá không phải Ed25519 / not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** Reads a public key given as SPKI PEM, or as a private key PEM (then its public half). */
export function readPublicKeyPem(pem: string): KeyObject {
  const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  rawPublicKey(key);
  return key;
}

export function verifySignature(publicKey: KeyObject, message: Buffer, signatureB64: string): boolean {
  try {
    // Ed25519 takes no digest: the algorithm argument must be null
    return verify(null, message, publicKey, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

const warned = new Set<string>();

export function auditKeys(opts: AuditKeyOptions): AuditKeys {
  const file = opts.keyFile ? path.resolve(opts.keyFile) : path.join(opts.dataDir, GENERATED_KEY_NAME);
  let loaded: AuditSigner | undefined;

  const fromPem = (pem: string): AuditSigner => {
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    return { keyId: keyIdOf(publicKey), publicKeyPem, sign: (message) => sign(null, message, privateKey).toString('base64') };
  };
  const read = (): AuditSigner => {
    try {
      return fromPem(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`Không đọc được khoá ký nhật ký ${file} / cannot read the audit signing key: ${(err as Error).message}`);
    }
  };

  return {
    signer() {
      if (loaded) return loaded;
      // a configured key that is missing is a mistake to report, never a reason to mint a new one
      if (opts.keyFile || fs.existsSync(file)) return (loaded = read());
      if (opts.multiProcess && !warned.has(file)) {
        warned.add(file);
        opts.warn?.(
          `Khoá ký điểm kiểm tra nhật ký được tạo tại ${file}; khi chạy nhiều tiến trình, hãy đặt KHIEN_AUDIT_KEY_FILE trỏ tới một khoá dùng chung / ` +
            `audit checkpoint signing key generated at ${file}; a multi-process deployment should set KHIEN_AUDIT_KEY_FILE to a shared key`,
        );
      }
      fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      try {
        // 'wx': two processes starting together must not overwrite each other's key
        fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      return (loaded = read());
    },
    publicKey() {
      if (!loaded && !opts.keyFile && !fs.existsSync(file)) return null;
      const s = loaded ?? (loaded = read());
      return { keyId: s.keyId, publicKeyPem: s.publicKeyPem };
    },
  };
}

/** The installation's keys as configured; several processes on one PostgreSQL need KHIEN_AUDIT_KEY_FILE. */
export function auditKeysFromConfig(
  config: { auditKeyFile: string | undefined; dataDir: string; databaseUrl: string | undefined },
  warn?: (message: string) => void,
): AuditKeys {
  return auditKeys({ keyFile: config.auditKeyFile, dataDir: config.dataDir, multiProcess: config.databaseUrl !== undefined, ...(warn ? { warn } : {}) });
}
