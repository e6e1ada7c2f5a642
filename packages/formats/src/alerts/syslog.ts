import { parseCef } from './cef.js';
import { cut, setOwn } from './build.js';
import { parseIso, parseMonthName } from './time.js';
import { ALERT_LIMITS, type ParseSyslogOptions, type SyslogMessage } from './types.js';

/**
 * One syslog message: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD…] BOM?MSG`), RFC 3164
 * (`<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG`, with or without year, hostname or even PRI, as files and
 * relays write it), and ArcSight CEF inside either (or bare). Never throws: a line that is none of these
 * comes back as format 'raw' with parseError set and message = the line.
 */

const PRI = /^<(\d{1,3})>/;
const MONTH_TS = /^([A-Z][a-z]{2} [ \d]?\d(?: \d{4})? \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)(?: +|$)/;
const ISO_TS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)(?: +|$)/;
const TAG = /^([^\s[\]:]{1,64})(?:\[([^\]\s]{1,128})\])?:(?: |$)/;
const HOST_TOKEN = /^[A-Za-z0-9._%:-]{1,255}$/;

function empty(raw: string): SyslogMessage {
  return {
    format: 'raw',
    facility: null,
    severity: null,
    timestamp: null,
    timestampText: null,
    hostname: null,
    appName: null,
    procId: null,
    msgId: null,
    structuredData: {},
    message: raw,
    cef: null,
    parseError: null,
    raw,
  };
}

function nil(v: string): string | null {
  return v === '-' ? null : v;
}

/** Reads `[id k="v" …][id2 …]`; returns the elements and where they end, or an error. */
function parseStructuredData(s: string): { sd: Record<string, Record<string, string>>; rest: string } | { error: string } {
  const sd: Record<string, Record<string, string>> = {};
  let i = 0;
  let elements = 0;
  while (s[i] === '[') {
    if (++elements > 50) return { error: 'more than 50 structured data elements' };
    i++;
    const idEnd = s.slice(i).search(/[ \]]/);
    if (idEnd <= 0) return { error: 'structured data element without an SD-ID' };
    const id = s.slice(i, i + idEnd);
    i += idEnd;
    const params: Record<string, string> = Object.create(null) as Record<string, string>;
    while (s[i] === ' ') {
      i++;
      const eq = s.indexOf('=', i);
      if (eq <= i || s[eq + 1] !== '"') return { error: `structured data "${id}": a parameter is not name="value"` };
      const name = s.slice(i, eq);
      i = eq + 2;
      let value = '';
      for (;;) {
        if (i >= s.length) return { error: `structured data "${id}": unterminated value` };
        const c = s[i]!;
        if (c === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\' || s[i + 1] === ']')) {
          value += s[i + 1];
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      if (!Object.hasOwn(params, name)) params[name] = value;
    }
    if (s[i] !== ']') return { error: `structured data "${id}": missing "]"` };
    i++;
    if (!Object.hasOwn(sd, id)) setOwn(sd, id, { ...params });
  }
  return { sd, rest: s.slice(i) };
}

/** Looks for CEF in the message part and fills m.cef when it parses. */
function readCef(m: SyslogMessage): void {
  const body = m.message.trimStart();
  if (!body.startsWith('CEF:')) return;
  const r = parseCef(body);
  if ('cef' in r) {
    m.cef = r.cef;
    m.format = 'cef';
  } else if (m.parseError === null) m.parseError = r.error;
}

function parse5424(m: SyslogMessage, rest: string): void {
  const head = /^(\d{1,2}) (\S+) (\S+) (\S+) (\S+) (\S+)(?: |$)/.exec(rest);
  if (!head) {
    m.format = 'raw';
    m.parseError = 'RFC 5424 header is incomplete (VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID)';
    return;
  }
  m.format = 'rfc5424';
  const [, , ts, host, app, proc, msgId] = head as unknown as [string, string, string, string, string, string, string];
  if (ts !== '-') {
    m.timestampText = ts;
    m.timestamp = parseIso(ts);
  }
  m.hostname = nil(host);
  m.appName = nil(app);
  m.procId = nil(proc);
  m.msgId = nil(msgId);
  let after = rest.slice(head[0].length);
  if (after.startsWith('-')) after = after.slice(1);
  else if (after.startsWith('[')) {
    const sd = parseStructuredData(after);
    if ('error' in sd) {
      m.parseError = sd.error;
      m.message = after;
      return;
    }
    m.structuredData = sd.sd;
    after = sd.rest;
  } else if (after !== '') {
    m.parseError = 'RFC 5424 STRUCTURED-DATA is neither "-" nor "[…]"';
  }
  if (after.startsWith(' ')) after = after.slice(1);
  // the UTF-8 BOM that marks MSG as Unicode (RFC 5424 §6.4) is not part of the text
  m.message = after.startsWith('\uFEFF') ? after.slice(1) : after;
  readCef(m);
}

function parse3164(m: SyslogMessage, rest: string, hadPri: boolean, opts: ParseSyslogOptions): void {
  let s = rest;
  const month = MONTH_TS.exec(s);
  const iso = month ? null : ISO_TS.exec(s);
  const ts = month ?? iso;
  if (ts) {
    m.timestampText = ts[1]!;
    const receivedAt = opts.receivedAt ?? new Date();
    m.timestamp = month
      ? parseMonthName(ts[1]!.replace(/ +/g, ' '), receivedAt, opts.assumeOffsetMinutes ?? 0)
      : parseIso(ts[1]!, opts.assumeOffsetMinutes ?? 0);
    s = s.slice(ts[0].length);
  } else if (!hadPri && !s.startsWith('CEF:')) {
    m.parseError = 'not syslog: no <PRI> and no timestamp';
    return;
  }
  m.format = 'rfc3164';
  if (ts && !s.startsWith('CEF:')) {
    const sp = s.indexOf(' ');
    const token = sp === -1 ? s : s.slice(0, sp);
    // a token that is a TAG ("sshd[42]:", "su:") means the sender left the hostname out
    if (token !== '' && !TAG.test(sp === -1 ? token : `${token} `) && HOST_TOKEN.test(token)) {
      m.hostname = token;
      s = sp === -1 ? '' : s.slice(sp + 1);
    }
  }
  const tag = s.startsWith('CEF:') ? null : TAG.exec(s);
  if (tag) {
    m.appName = tag[1]!;
    m.procId = tag[2] ?? null;
    s = s.slice(tag[0].length);
  }
  m.message = s;
  readCef(m);
}

export function parseSyslog(line: string, opts: ParseSyslogOptions = {}): SyslogMessage {
  if (typeof line !== 'string') {
    const m = empty('');
    m.parseError = 'not a string';
    return m;
  }
  const raw = cut(line.replace(/[\r\n\0]+$/, ''), ALERT_LIMITS.syslogLine);
  const m = empty(raw);
  try {
    let rest = raw;
    const pri = PRI.exec(rest);
    if (pri) {
      const n = Number(pri[1]);
      if (n > 191) {
        m.parseError = `PRI ${n} is above 191`;
        return m;
      }
      m.facility = n >> 3;
      m.severity = n & 7;
      rest = rest.slice(pri[0].length);
    }
    if (pri && /^\d{1,2} /.test(rest)) parse5424(m, rest);
    else if (rest.startsWith('CEF:')) {
      m.message = rest;
      readCef(m);
      if (m.cef === null) m.format = 'raw';
    } else parse3164(m, rest, pri !== null, opts);
    if (m.format === 'raw') {
      m.facility = null;
      m.severity = null;
      m.message = raw;
      m.parseError ??= 'not syslog';
    }
  } catch {
    // parsers above are total; this is a last guard so that a socket handler never dies on one line
    const fresh = empty(raw);
    fresh.parseError = 'unreadable';
    return fresh;
  }
  m.hostname = m.hostname === null ? null : cut(m.hostname, 255);
  m.appName = m.appName === null ? null : cut(m.appName, 64);
  m.procId = m.procId === null ? null : cut(m.procId, 128);
  m.msgId = m.msgId === null ? null : cut(m.msgId, 64);
  return m;
}
