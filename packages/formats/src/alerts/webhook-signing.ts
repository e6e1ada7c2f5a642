import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (standardwebhooks.com, spec/standard-webhooks.md): headers webhook-id,
 * webhook-timestamp (unix seconds) and webhook-signature, a space-separated list of "v1,<base64>"
 * where the signature is HMAC-SHA256 over `${id}.${timestamp}.${body}` keyed with the secret's bytes;
 * the secret is written base64 with the prefix "whsec_". Several signatures are allowed so that a key can
 * rotate without downtime; one match suffices.
 *
 * Grafana's webhook contact point (grafana/alerting http/hmac.go): hex HMAC-SHA256 keyed with the
 * secret's UTF-8 text, over the body, or over `${timestamp}:${body}` when a timestamp header is
 * configured; default header X-Grafana-Alerting-Signature.
 *
 * `body` is the raw request text exactly as received: a body parsed and serialised again will not verify.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

function secretBytes(secret: string): Buffer | null {
  if (typeof secret !== 'string') return null;
  const b64 = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (b64 === '' || !BASE64.test(b64)) return null;
  const key = Buffer.from(b64, 'base64');
  return key.length > 0 ? key : null;
}

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want && typeof v === 'string') return v;
  return undefined;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * "v1,<base64>" for the given message. The secret is "whsec_<base64>" or the bare base64;
 * one that is not base64 throws, since signing with a mistyped key would only fail later, far away.
 */
export function signStandardWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = secretBytes(secret);
  if (key === null) throw new TypeError('Standard Webhooks secret must be base64, optionally prefixed with "whsec_"');
  const mac = createHmac('sha256', key)
    .update(`${id}.${Math.trunc(timestampSeconds)}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** True when one of the v1 signatures matches and the timestamp is within tolerance (default 5 minutes). Never throws. */
export function verifyStandardWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  opts: { toleranceSeconds?: number; nowSeconds?: number } = {},
): boolean {
  try {
    const key = secretBytes(secret);
    const id = header(headers, 'webhook-id');
    const ts = header(headers, 'webhook-timestamp');
    const sig = header(headers, 'webhook-signature');
    if (key === null || id === undefined || ts === undefined || sig === undefined || typeof body !== 'string') return false;
    if (!/^\d{1,12}$/.test(ts.trim())) return false;
    const timestamp = Number(ts.trim());
    const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
    const tolerance = opts.toleranceSeconds ?? 300;
    if (Math.abs(now - timestamp) > tolerance) return false;
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
    for (const part of sig.split(' ')) {
      const comma = part.indexOf(',');
      if (comma === -1 || part.slice(0, comma) !== 'v1') continue;
      const given = part.slice(comma + 1);
      if (!BASE64.test(given)) continue;
      if (sameBytes(Buffer.from(given, 'base64'), expected)) return true;
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * Checks Grafana's HMAC header. With `timestampHeader` the timestamp header must be present and is part
 * of what is signed; `toleranceSeconds` then also bounds its age. Never throws.
 */
export function verifyGrafanaSignature(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  opts: { header?: string; timestampHeader?: string; toleranceSeconds?: number; nowSeconds?: number } = {},
): boolean {
  try {
    if (typeof secret !== 'string' || secret === '' || typeof body !== 'string') return false;
    const given = header(headers, opts.header ?? 'X-Grafana-Alerting-Signature')?.trim();
    if (given === undefined || !/^[0-9a-fA-F]{64}$/.test(given)) return false;
    const mac = createHmac('sha256', Buffer.from(secret, 'utf8'));
    if (opts.timestampHeader) {
      const ts = header(headers, opts.timestampHeader)?.trim();
      if (ts === undefined || !/^\d{1,12}$/.test(ts)) return false;
      if (opts.toleranceSeconds !== undefined) {
        const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
        if (Math.abs(now - Number(ts)) > opts.toleranceSeconds) return false;
      }
      mac.update(`${ts}:`);
    }
    mac.update(body);
    return sameBytes(Buffer.from(given.toLowerCase(), 'hex'), mac.digest());
  } catch {
    return false;
  }
}
