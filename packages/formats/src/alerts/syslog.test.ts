import { describe, expect, it } from 'vitest';
import { parseCef, parseSyslog, SyslogFrameDecoder, syslogToAlert } from './index.js';

const RECEIVED = new Date('2026-03-02T12:00:00Z');

describe('RFC 5424', () => {
  it('reads the header, structured data with escapes, and drops the BOM (RFC 5424 §6.5 example 3)', () => {
    const line =
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high" note="a \\"quoted\\" \\] \\\\ value"] \uFEFFAn application event log entry...';
    const m = parseSyslog(line);
    expect(m).toMatchObject({
      format: 'rfc5424',
      facility: 20,
      severity: 5,
      hostname: 'mymachine.example.com',
      appName: 'evntslog',
      procId: null,
      msgId: 'ID47',
      message: 'An application event log entry...',
      parseError: null,
      raw: line,
    });
    expect(m.timestamp?.toISOString()).toBe('2003-10-11T22:14:15.003Z');
    expect(m.structuredData).toEqual({
      'exampleSDID@32473': { iut: '3', eventSource: 'Application', eventID: '1011' },
      'examplePriority@32473': { class: 'high', note: 'a "quoted" ] \\ value' },
    });
  });

  it('reads offsets and microseconds, NILVALUEs, and no message (examples 1 and 2)', () => {
    const a = parseSyslog("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8");
    expect(a.message).toBe("'su root' failed for lonvick on /dev/pts/8");
    expect(a.severity).toBe(2);
    const b = parseSyslog("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");
    expect(b.timestamp?.toISOString()).toBe('2003-08-24T12:14:15.000Z');
    expect(b.procId).toBe('8710');
    expect(b.hostname).toBe('192.0.2.1');
    expect(b.message).toBe("%% It's time to make the do-nuts.");
    const c = parseSyslog('<13>1 - - - - - -');
    expect(c).toMatchObject({ format: 'rfc5424', timestamp: null, hostname: null, message: '', parseError: null });
  });

  it('keeps a bad timestamp as text, and a broken SD as message with an error', () => {
    const m = parseSyslog('<13>1 2003-13-11T22:14:15Z host app - - - hi');
    expect(m.timestamp).toBeNull();
    expect(m.timestampText).toBe('2003-13-11T22:14:15Z');
    expect(syslogToAlert(m).labels.time_unparsed).toBe('2003-13-11T22:14:15Z');
    const sd = parseSyslog('<13>1 - host app - - [id a="unterminated] msg');
    expect(sd.format).toBe('rfc5424');
    expect(sd.parseError).toContain('unterminated');
  });
});

describe('RFC 3164', () => {
  it('reads the classic form with hostname and tag[pid]', () => {
    const m = parseSyslog('<38>May 11 12:29:18 localhost sshd[17584]: Invalid user paco from 172.17.1.1 port 56404', { receivedAt: RECEIVED });
    expect(m).toMatchObject({ format: 'rfc3164', facility: 4, severity: 6, hostname: 'localhost', appName: 'sshd', procId: '17584' });
    expect(m.message).toBe('Invalid user paco from 172.17.1.1 port 56404');
    // no year: the year that puts it before the receiver
    expect(m.timestamp?.toISOString()).toBe('2025-05-11T12:29:18.000Z');
    const a = syslogToAlert(m);
    expect(a.ips).toEqual(['172.17.1.1']);
    expect(a.severity).toBe('info');
    expect(a.sourceSeverity).toBe('severity=6');
    expect(a.labels['syslog.facility']).toBe('auth');
  });

  it('reads a year, a space-padded day, and no hostname', () => {
    const withYear = parseSyslog('<187>Mar  2 2026 09:41:07 core-sw-01 %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to down', { receivedAt: RECEIVED });
    expect(withYear.timestamp?.toISOString()).toBe('2026-03-02T09:41:07.000Z');
    expect(withYear.hostname).toBe('core-sw-01');
    expect(withYear.appName).toBe('%LINK-3-UPDOWN');
    const noHost = parseSyslog("<34>Oct 11 22:14:15 su: 'su root' failed for lonvick on /dev/pts/8", { receivedAt: RECEIVED });
    expect(noHost.hostname).toBeNull();
    expect(noHost.appName).toBe('su');
    expect(noHost.message).toBe("'su root' failed for lonvick on /dev/pts/8");
    expect(noHost.timestamp?.toISOString()).toBe('2025-10-11T22:14:15.000Z');
    const local = parseSyslog('<13>Mar  2 09:41:07 host app: x', { receivedAt: RECEIVED, assumeOffsetMinutes: 420 });
    expect(local.timestamp?.toISOString()).toBe('2026-03-02T02:41:07.000Z');
  });

  it('reads an RFC 3339 timestamp in the 3164 position and lines without PRI (as files hold them)', () => {
    const iso = parseSyslog('<30>2026-03-02T09:41:07.123+07:00 web-01 nginx: upstream timed out');
    expect(iso.timestamp?.toISOString()).toBe('2026-03-02T02:41:07.123Z');
    expect(iso.hostname).toBe('web-01');
    const file = parseSyslog('May 11 12:29:18 localhost sshd[1]: hi', { receivedAt: RECEIVED });
    expect(file).toMatchObject({ format: 'rfc3164', facility: null, severity: null, hostname: 'localhost', message: 'hi' });
    expect(syslogToAlert(file).severity).toBe('medium');
  });
});

describe('CEF', () => {
  it('parses header escapes and extension escapes', () => {
    const r = parseCef(
      'CEF:0|Sec\\|urity|threat\\\\manager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232 msg=detected a \\= sign and spaces here cs1Label=x',
    );
    expect('cef' in r && r.cef).toEqual({
      cefVersion: '0',
      vendor: 'Sec|urity',
      product: 'threat\\manager',
      version: '1.0',
      signatureId: '100',
      name: 'worm successfully stopped',
      severity: '10',
      extensions: { src: '10.0.0.1', dst: '2.1.2.2', spt: '1232', msg: 'detected a = sign and spaces here', cs1Label: 'x' },
    });
    expect(parseCef('CEF:0|only|three')).toEqual({ error: 'CEF header has 3 of 8 fields' });
  });

  it('finds CEF inside RFC 3164 and RFC 5424, and bare', () => {
    const in3164 = parseSyslog(
      '<134>Feb 14 19:04:54 fw-01 CEF:0|Fortinet|FortiGate|7.2|0419016384|ips: Backdoor.DoublePulsar|Very-High|src=203.0.113.5 dst=192.0.2.10 shost=attacker rt=1772420744000',
      { receivedAt: RECEIVED },
    );
    expect(in3164.format).toBe('cef');
    expect(in3164.hostname).toBe('fw-01');
    const a = syslogToAlert(in3164);
    expect(a.title).toBe('ips: Backdoor.DoublePulsar');
    expect(a.severity).toBe('critical');
    expect(a.sourceSeverity).toBe('cef.severity=Very-High');
    expect(a.ips).toEqual(['203.0.113.5', '192.0.2.10']);
    expect(a.hostnames).toEqual(['fw-01', 'attacker']);
    expect(a.ruleId).toBe('0419016384');
    expect(a.labels['cef.vendor']).toBe('Fortinet');

    const in5424 = parseSyslog('<14>1 2026-03-02T02:00:00Z fw-02 - - - - CEF:1|Vendor|Prod|2|sig-9|Port scan|5|src=2001:db8::5');
    expect(in5424.format).toBe('cef');
    expect(syslogToAlert(in5424)).toMatchObject({ severity: 'medium', ips: ['2001:db8::5'] });
    const bare = parseSyslog('CEF:0|V|P|1|7|Name|3|rt=1772420744000');
    expect(bare).toMatchObject({ format: 'cef', facility: null });
    expect(syslogToAlert(bare).occurredAt?.toISOString()).toBe('2026-03-02T03:05:44.000Z');
  });
});

describe('not syslog', () => {
  it('gives format raw with parseError and the line as message', () => {
    for (const line of ['hello world', '{"json":true}', '<999>1 - - - - - -', '', '<13>1 incomplete']) {
      const m = parseSyslog(line);
      expect(m.format, line).toBe('raw');
      expect(m.parseError, line).not.toBeNull();
      expect(m.message).toBe(line);
      const a = syslogToAlert(m);
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.labels.parse_error).toBe(m.parseError);
    }
  });

  it('keys two identical lines alike and different lines apart', () => {
    const k = (l: string) => syslogToAlert(parseSyslog(l, { receivedAt: RECEIVED })).dedupKey;
    expect(k('<13>May 11 12:29:18 h a: x')).toBe(k('<13>May 11 12:29:18 h a: x'));
    expect(k('<13>May 11 12:29:18 h a: x')).not.toBe(k('<13>May 11 12:29:18 h a: y'));
  });
});

describe('SyslogFrameDecoder', () => {
  const feed = (d: SyslogFrameDecoder, s: string) => d.push(Buffer.from(s));

  it('reads LF, CRLF and NUL framing and skips empty lines', () => {
    const d = new SyslogFrameDecoder();
    expect(feed(d, '<13>a\n<13>b\r\n\n<13>c\0<13>d')).toEqual({ frames: ['<13>a', '<13>b', '<13>c'], oversized: 0 });
    expect(d.end()).toEqual({ frames: ['<13>d'], oversized: 0 });
  });

  it('reads octet counting with embedded newlines, mixed with LF frames', () => {
    const msg = '<34>1 - h app - - - line one\nline two';
    const d = new SyslogFrameDecoder();
    const r = feed(d, `${Buffer.byteLength(msg)} ${msg}<13>plain\n12 not-a-count\n`);
    expect(r.frames).toEqual([msg, '<13>plain', '12 not-a-count']);
    expect(d.end().frames).toEqual([]);
  });

  it('counts bytes, not characters', () => {
    const msg = '<13>1 - h app - - - Cảnh báo: ổ đĩa đầy';
    const d = new SyslogFrameDecoder();
    expect(feed(d, `${Buffer.byteLength(msg)} ${msg}`).frames).toEqual([msg]);
  });

  it('cuts oversized frames, reports them and carries on', () => {
    const d = new SyslogFrameDecoder({ maxFrameBytes: 8 });
    const r = feed(d, '<13>0123456789\n<13>ok\n20 <13>0123456789abcdef<13>b\n');
    expect(r).toEqual({ frames: ['<13>0123', '<13>ok', '<13>0123', '<13>b'], oversized: 2 });
    // a line that never ends is not buffered: cut at the limit, the rest dropped up to its LF
    const d2 = new SyslogFrameDecoder({ maxFrameBytes: 8 });
    let frames: string[] = [];
    for (let i = 0; i < 1000; i++) frames = frames.concat(feed(d2, 'xxxxxxxxxx').frames);
    expect(frames).toEqual(['xxxxxxxx']);
    expect(feed(d2, 'yy\n<13>next\n').frames).toEqual(['<13>next']);
  });

  it('keeps a frame cut off by the end of the stream', () => {
    const d = new SyslogFrameDecoder();
    feed(d, '30 <13>only part');
    expect(d.end().frames).toEqual(['<13>only part']);
  });
});
