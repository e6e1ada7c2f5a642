import { setOwn } from './build.js';
import type { SyslogCef } from './types.js';

/**
 * ArcSight Common Event Format: `CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension`.
 * In the header a pipe or backslash inside a field is escaped (`\|`, `\\`); the extension is space-separated
 * `key=value` pairs whose values escape `=` and `\` (`\=`, `\\`) and may write `\n`, `\r`. A value runs
 * until the next ` key=`, so unescaped spaces inside a value survive.
 */

const MAX_EXTENSIONS = 200;
// keys are letters, digits and a few marks (ArcSight's c6a1, ad.key, cs1Label, [0]); a backslash never starts one
const KEY = /(?<=^|\s)([A-Za-z0-9_.[\]-]{1,64})=/g;

function unescapeValue(s: string): string {
  return s.replace(/\\([=\\nr|])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** The pairs of a CEF extension; an odd fragment before the first key is kept under "_" rather than lost. */
export function parseCefExtension(ext: string): Record<string, string> {
  const out: Record<string, string> = {};
  const matches: { key: string; start: number; end: number }[] = [];
  for (const m of ext.matchAll(KEY)) {
    matches.push({ key: m[1]!, start: m.index, end: m.index + m[0].length });
    if (matches.length > MAX_EXTENSIONS) break;
  }
  const lead = ext.slice(0, matches[0]?.start ?? ext.length).trim();
  if (lead !== '') setOwn(out, '_', unescapeValue(lead));
  for (let i = 0; i < matches.length && i < MAX_EXTENSIONS; i++) {
    const { key, end } = matches[i]!;
    const stop = matches[i + 1]?.start ?? ext.length;
    const value = unescapeValue(ext.slice(end, stop).replace(/\s+$/, ''));
    if (!Object.hasOwn(out, key)) setOwn(out, key, value);
  }
  return out;
}

/** Parses text starting with "CEF:", or returns a reason. */
export function parseCef(s: string): { cef: SyslogCef } | { error: string } {
  if (!s.startsWith('CEF:')) return { error: 'not CEF' };
  const fields: string[] = [];
  let cur = '';
  let i = 4;
  for (; i < s.length && fields.length < 7; i++) {
    const c = s[i]!;
    if (c === '\\' && (s[i + 1] === '|' || s[i + 1] === '\\')) {
      cur += s[i + 1];
      i++;
    } else if (c === '|') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  if (fields.length < 7) return { error: `CEF header has ${fields.length + 1} of 8 fields` };
  const [version, vendor, product, deviceVersion, signatureId, name, severity] = fields as [string, string, string, string, string, string, string];
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(version)) return { error: `CEF version "${version.slice(0, 20)}" is not a number` };
  return {
    cef: {
      cefVersion: version.trim(),
      vendor,
      product,
      version: deviceVersion,
      signatureId,
      name,
      severity: severity.trim(),
      extensions: parseCefExtension(s.slice(i)),
    },
  };
}
