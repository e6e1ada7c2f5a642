import { parseIpAddress, parseIpRange } from '../ip/index.js';

/**
 * Indicators of compromise as people paste them from dispatches and reports: classified, refanged
 * (`hxxp://evil[.]com` is how warnings print them), normalised so the same indicator is stored once.
 * The kinds mirror INDICATOR_TYPES of @khien/contracts; formats does not import contracts.
 */
export const INDICATOR_KINDS = ['ipv4', 'ipv6', 'cidr', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'file_name'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export interface IndicatorMessage {
  vi: string;
  en: string;
}
export type IndicatorResult =
  | { ok: true; type: IndicatorKind; value: string; /** what normalising changed beyond case, e.g. host bits dropped */ note?: IndicatorMessage }
  | { ok: false; code: IndicatorProblemCode; message: IndicatorMessage };
export type IndicatorProblemCode = 'indicator_empty' | 'indicator_too_long' | 'indicator_unknown' | 'indicator_type_mismatch' | 'indicator_file_name';

export const MAX_INDICATOR_CHARS = 2_000;
export const MAX_INDICATORS = 5_000;

/** Undoes the usual defanging: hxxp(s), fxp, [.] (.) {.} [dot], [:] [://], [@] [at]. Idempotent. */
export function refang(raw: string): string {
  return raw
    .replace(/\bhxxp(s?)(?=:|\[:)/gi, 'http$1')
    .replace(/\bfxp(?=:|\[:)/gi, 'ftp')
    .replace(/\[:\/\/\]/g, '://')
    .replace(/\s*(?:\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\})\s*/gi, '.')
    .replace(/\[:\]/g, ':')
    .replace(/\[\s*(?:@|at)\s*\]|\(\s*(?:@|at)\s*\)/gi, '@')
    .trim();
}

const fail = (code: IndicatorProblemCode, vi: string, en: string): IndicatorResult => ({ ok: false, code, message: { vi, en } });
const HEX = /^[0-9a-f]+$/i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const HASH_BY_LENGTH: Record<number, IndicatorKind> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

/** A host name in lower-case ASCII (IDN to punycode), or null: needs a dot and a top-level domain of letters. */
function domainOf(text: string): string | null {
  // URL would quietly cut "evil.com#x" or "evil.com\x" down to evil.com
  if (text.length > 253 || !text.includes('.') || /[\s/\\@:?#%[\]]/.test(text)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${text}`).hostname;
  } catch {
    return null;
  }
  const name = ascii.replace(/\.$/, '');
  if (name.length > 253) return null;
  const labels = name.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  // 1.2.3.4 is an address, not a domain: the TLD is letters, or an IDN's xn--
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/.test(labels.at(-1)!)) return null;
  return name;
}

/** An http/https/ftp URL kept as written, but for the scheme and host, which are lower-cased (IDN to punycode). */
function urlOf(text: string): string | null {
  const m = /^(https?|ftp):\/\/([^/?#]*)(.*)$/is.exec(text);
  if (!m || /\s/.test(text)) return null;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return null;
  }
  if (!u.hostname) return null;
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  const port = /:(\d*)$/.exec(hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']') + 1) : hostPort)?.[0] ?? '';
  return `${m[1]!.toLowerCase()}://${userinfo}${u.hostname}${port}${m[3]!}`;
}

function detect(text: string): { type: IndicatorKind; value: string; note?: IndicatorMessage } | null {
  const hash = HEX.test(text) ? HASH_BY_LENGTH[text.length] : undefined;
  if (hash) return { type: hash, value: text.toLowerCase() };
  if (text.includes('/') && !text.includes('://')) {
    const r = parseIpRange(text, { hostBits: 'normalise' });
    if (r.ok && r.range.cidr) {
      const given = text.replace(/\s+/g, '').toLowerCase();
      return r.warnings.length > 0 || given !== r.range.cidr
        ? {
            type: 'cidr',
            value: r.range.cidr,
            note: { vi: `«${text}» được ghi thành dải mạng ${r.range.cidr}.`, en: `"${text}" is recorded as the network ${r.range.cidr}.` },
          }
        : { type: 'cidr', value: r.range.cidr };
    }
    return null;
  }
  const ip = parseIpAddress(text);
  if (ip.ok) return { type: ip.ip.family === 4 ? 'ipv4' : 'ipv6', value: ip.ip.address };
  const url = urlOf(text);
  if (url) return { type: 'url', value: url };
  if (text.includes('://')) return null;
  const at = text.lastIndexOf('@');
  if (at !== -1) {
    const local = text.slice(0, at);
    const host = domainOf(text.slice(at + 1));
    return host && /^[^\s@<>()[\]\\,;:"]{1,64}$/.test(local) ? { type: 'email', value: `${local}@${host}` } : null;
  }
  const domain = domainOf(text);
  return domain ? { type: 'domain', value: domain } : null;
}

const shown = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/**
 * One indicator: its type (from the text, or checked against `hint`) and normalised value. A file
 * name cannot be told from text, so it needs the hint; an address hinted as a range becomes /32 or /128.
 */
export function classifyIndicator(raw: string, hint?: IndicatorKind): IndicatorResult {
  if (typeof raw !== 'string') return fail('indicator_empty', 'Chỉ báo trống.', 'The indicator is empty.');
  if (raw.length > MAX_INDICATOR_CHARS)
    return fail('indicator_too_long', `Chỉ báo dài quá ${MAX_INDICATOR_CHARS} ký tự.`, `The indicator is longer than ${MAX_INDICATOR_CHARS} characters.`);
  const text = hint === 'file_name' ? raw.trim() : refang(raw);
  if (text === '') return fail('indicator_empty', 'Chỉ báo trống.', 'The indicator is empty.');
  if (hint === 'file_name') {
    if ([...text].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '/' || c === '\\') || text.length > 255)
      return fail(
        'indicator_file_name',
        `«${shown(text)}» không phải tên tệp (không có đường dẫn, tối đa 255 ký tự).`,
        `"${shown(text)}" is not a file name (no path, at most 255 characters).`,
      );
    return { ok: true, type: 'file_name', value: text };
  }
  const found = detect(text);
  if (!found)
    return fail(
      'indicator_unknown',
      `Không nhận ra «${shown(text)}» là địa chỉ IP, dải IP, tên miền, URL, thư điện tử hay mã băm.`,
      `"${shown(text)}" is not an IP address, range, domain, URL, e-mail address or hash.`,
    );
  if (hint === 'cidr' && (found.type === 'ipv4' || found.type === 'ipv6'))
    return { ok: true, type: 'cidr', value: `${found.value}/${found.type === 'ipv4' ? 32 : 128}` };
  if (hint && hint !== found.type)
    return fail('indicator_type_mismatch', `«${shown(text)}» là ${found.type}, không phải ${hint}.`, `"${shown(text)}" is ${found.type}, not ${hint}.`);
  return { ok: true, ...found };
}

export interface IndicatorListProblem {
  /** 1-based line of the pasted text */
  line: number;
  value: string;
  code: IndicatorProblemCode | 'indicator_list_too_long';
  message: IndicatorMessage;
}

/**
 * A pasted list: one a line, or separated by commas, semicolons or spaces; refanged, classified,
 * deduplicated by type and value. At most MAX_INDICATORS items are read; the rest is one problem.
 */
export function parseIndicatorList(text: string): { indicators: { type: IndicatorKind; value: string }[]; problems: IndicatorListProblem[] } {
  const indicators: { type: IndicatorKind; value: string }[] = [];
  const problems: IndicatorListProblem[] = [];
  const seen = new Set<string>();
  let read = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    // refang the line first: "evil [.] com" must not be split at its spaces
    for (const token of refang(lines[i]!).split(/[,;\s]+/)) {
      if (token === '') continue;
      if (read >= MAX_INDICATORS) {
        problems.push({
          line: i + 1,
          value: shown(token),
          code: 'indicator_list_too_long',
          message: {
            vi: `Chỉ đọc ${MAX_INDICATORS} chỉ báo đầu tiên; phần còn lại bị bỏ qua.`,
            en: `Only the first ${MAX_INDICATORS} indicators are read; the rest is ignored.`,
          },
        });
        return { indicators, problems };
      }
      read++;
      const r = classifyIndicator(token);
      if (!r.ok) problems.push({ line: i + 1, value: shown(token), code: r.code, message: r.message });
      else if (!seen.has(`${r.type}\u0000${r.value}`)) {
        seen.add(`${r.type}\u0000${r.value}`);
        indicators.push({ type: r.type, value: r.value });
      }
    }
  }
  return { indicators, problems };
}
