/**
 * Just enough MIME reading for tests to check what a real mail client would show:
 * RFC 2047 encoded-words in headers, quoted-printable / base64 bodies, charsets,
 * and the first text/plain part of a multipart message. (mailparser is not a dependency.)
 */

export interface ParsedMail {
  /** lower-cased names, unfolded raw values; the first occurrence wins */
  headers: Map<string, string>;
  /** the Subject header decoded (RFC 2047) */
  subject: string;
  /** the text/plain body, transfer-decoded and charset-decoded */
  text: string;
}

const CRLF_CRLF = Buffer.from('\r\n\r\n');
const LF_LF = Buffer.from('\n\n');

function splitHeadersAndBody(source: Buffer): { head: string; body: Buffer } {
  let at = source.indexOf(CRLF_CRLF);
  let sep = CRLF_CRLF.length;
  if (at < 0) {
    at = source.indexOf(LF_LF);
    sep = LF_LF.length;
  }
  if (at < 0) return { head: source.toString('utf8'), body: Buffer.alloc(0) };
  // header bytes are ASCII, or UTF-8 under SMTPUTF8 (RFC 6532)
  return { head: source.subarray(0, at).toString('utf8'), body: source.subarray(at + sep) };
}

/** RFC 5322 §2.2.3: a line break followed by white space is folding, not a new field. */
export function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  // fatal: bytes that are not valid in the declared charset fail the test instead of turning into U+FFFD
  return new TextDecoder(charset.trim().toLowerCase() || 'utf-8', { fatal: true }).decode(bytes);
}

/** Quoted-printable (RFC 2045 §6.7) or the Q encoding of RFC 2047 §4.2 (`_` is a space there). */
export function decodeQuotedPrintable(input: string, qEncoding = false): Buffer {
  const text = qEncoding ? input.replace(/_/g, ' ') : input.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // the source is ASCII; anything else is passed through as its UTF-8 bytes
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

/**
 * RFC 2047 decoding of a header value: `=?UTF-8?Q?C=C3=B4ng_v=C4=83n?=`, `=?utf-8?B?…?=`.
 * White space between two encoded-words is dropped (§6.2), and adjacent words in the same
 * charset are joined as bytes before decoding, so a character split across words still reads right.
 */
export function decodeEncodedWords(value: string): string {
  type Segment = { text: string } | { charset: string; bytes: Buffer };
  const segments: Segment[] = [];
  let last = 0;
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    const prev = segments.at(-1);
    if (!(prev && 'bytes' in prev && /^[ \t\r\n]*$/.test(between))) segments.push({ text: between });
    // RFC 2231 allows a language after the charset: UTF-8*vi
    const charset = m[1]!.split('*')[0]!.toLowerCase();
    const bytes = m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!, 'base64') : decodeQuotedPrintable(m[3]!, true);
    const before = segments.at(-1);
    if (before && 'bytes' in before && before.charset === charset) before.bytes = Buffer.concat([before.bytes, bytes]);
    else segments.push({ charset, bytes });
    last = m.index + m[0].length;
  }
  segments.push({ text: value.slice(last) });
  return segments.map((s) => ('bytes' in s ? decodeBytes(s.bytes, s.charset) : s.text)).join('');
}

function parameter(headerValue: string | undefined, name: string): string | null {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(headerValue ?? '');
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body.toString('latin1'));
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/\s+/g, ''), 'base64');
    default:
      // 7bit, 8bit, binary: the bytes are the content
      return body;
  }
}

/** The text/plain content of a message or of its first text/plain part; null when it has none. */
function findText(headers: Map<string, string>, body: Buffer): string | null {
  const type = headers.get('content-type') ?? 'text/plain; charset=us-ascii';
  const mediaType = type.split(';')[0]!.trim().toLowerCase();
  if (mediaType.startsWith('multipart/')) {
    const boundary = parameter(type, 'boundary');
    if (!boundary) return null;
    const parts = body.toString('latin1').split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
    for (const part of parts.slice(1)) {
      if (part.trim() === '') continue;
      const p = splitHeadersAndBody(Buffer.from(part, 'latin1'));
      const found = findText(parseHeaders(p.head), p.body);
      if (found !== null) return found;
    }
    return null;
  }
  if (mediaType !== 'text/plain') return null;
  const bytes = decodeTransfer(body, headers.get('content-transfer-encoding') ?? '7bit');
  return decodeBytes(bytes, parameter(type, 'charset') ?? 'us-ascii');
}

export function parseMail(source: Buffer): ParsedMail {
  const { head, body } = splitHeadersAndBody(source);
  const headers = parseHeaders(head);
  return { headers, subject: decodeEncodedWords(headers.get('subject') ?? ''), text: findText(headers, body) ?? '' };
}
