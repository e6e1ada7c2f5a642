import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, foldLine } from './ical.js';
import { parseICalendar, shiftsBetween, shiftsToICalendar, type Rotation, type Shift } from './index.js';

const local = (s: string) => new Date(`${s}+07:00`);
const octets = (s: string) => new TextEncoder().encode(s).length;
const TUYET = 'Nguyễn Thị Ánh Tuyết';
const rotation: Rotation = { id: 'r1', name: 'Trực', startsAt: local('2026-03-02T07:30:00'), length: { kind: 'daily' }, participants: ['u1', 'u2'] };
const shifts = shiftsBetween(rotation, local('2026-03-02T07:30:00'), local('2026-03-05T07:30:00'));
const opts = {
  calendarName: 'Lịch trực; Sở TT&TT, Hà Nội',
  names: { u1: `${TUYET} (Phòng An toàn thông tin, Sở Thông tin và Truyền thông)`, u2: 'Bình' },
  uidDomain: 'khien.example',
  now: new Date(0),
};
const ics = (text: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${text}\r\nEND:VCALENDAR\r\n`;

describe('shiftsToICalendar', () => {
  const out = shiftsToICalendar(shifts, opts);

  it('writes CRLF lines of at most 75 octets, times in UTC, the calendar headers', () => {
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = out.split('\r\n').slice(0, -1);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Khien//Duty roster//VI']);
    expect(lines).toContain('X-WR-CALNAME:Lịch trực\\; Sở TT&TT\\, Hà Nội');
    expect(lines).toContain('DTSTART:20260302T003000Z');
    expect(lines).toContain('DTEND:20260303T003000Z');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
  });

  it('folds between characters, never inside a Vietnamese multi-byte one', () => {
    const folded = foldLine(`SUMMARY:${TUYET} ${TUYET} ${TUYET} ${TUYET}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      // each physical line is valid UTF-8 on its own: no U+FFFD after a decode of its bytes
      expect(new TextDecoder().decode(new TextEncoder().encode(p))).toBe(p);
      expect(p).not.toMatch(/[\uD800-\uDFFF]/);
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(`SUMMARY:${TUYET} ${TUYET} ${TUYET} ${TUYET}`);
    // the first line is filled up to the limit: 74 octets plus a 2-octet character would be 76
    expect(octets(parts[0]!)).toBeGreaterThanOrEqual(73);
  });

  it('gives every shift a stable UID and escapes TEXT', () => {
    expect(shiftsToICalendar(shifts, { ...opts, now: new Date() }).match(/^UID:.*$/gm)).toEqual(out.match(/^UID:.*$/gm));
    expect(new Set(out.match(/^UID:.*$/gm)).size).toBe(3);
    const tricky: Shift = { ...shifts[0]!, userId: 'x' };
    const text = shiftsToICalendar([tricky], { ...opts, names: { x: 'A\\B; C, D\nE' } });
    expect(text).toContain('SUMMARY:Trực: A\\\\B\\; C\\, D\\nE');
    expect(parseICalendar(text).events[0]!.summary).toBe('Trực: A\\B; C, D\nE');
    // TEXT may not hold control characters: they are dropped, CRLF becomes one newline
    expect(cleanText('a\u0000b\r\nc\td\u007f\uD800')).toBe('ab\nc\td\uFFFD');
  });

  it('reads back what it wrote: times, names, whom an override replaced, attendees', () => {
    const swapped = shiftsBetween(rotation, local('2026-03-02T07:30:00'), local('2026-03-03T07:30:00'), [
      { id: 'o', rotationId: 'r1', start: local('2026-03-02T07:30:00'), end: local('2026-03-03T07:30:00'), userId: 'u2', replacesUserId: 'u1' },
    ]);
    const { events, problems } = parseICalendar(shiftsToICalendar(swapped, { ...opts, emails: { u2: 'binh@so.gov.vn' } }));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        uid: 'r1.0.20260302T003000Z@khien.example',
        start: local('2026-03-02T07:30:00'),
        end: local('2026-03-03T07:30:00'),
        summary: 'Trực: Bình',
        description: `Người trực / On duty: Bình\nThay cho / Covering for: ${opts.names.u1}\nCa / Shift: #0`,
        attendees: ['binh@so.gov.vn'],
      },
    ]);
  });
});

describe('parseICalendar', () => {
  it('reads TZID, floating time, DATE, DURATION, RRULE and skips garbage with line numbers', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Ho_Chi_Minh',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:a@x',
      'DTSTART;TZID=Asia/Ho_Chi_Minh:20260302T073000',
      'DTEND;TZID=Asia/Ho_Chi_Minh:20260303T073000',
      'SUMMARY:Trực ca ngày',
      'ATTENDEE;CN="Trần, Bình";ROLE=REQ-PARTICIPANT:mailto:binh@so.gov.vn',
      'ATTENDEE;CN=Chi:urn:uuid:1',
      'BEGIN:VALARM',
      'DTSTART:19700101T000000Z',
      'END:VALARM',
      'END:VEVENT',
      'this is not a content line',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260430',
      'SUMMARY:Trực lễ 30/4',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260501T220000',
      'DURATION:PT8H',
      'DESCRIPTION:Ca đêm\\, có\\nhai dòng',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/Paris:20260601T080000',
      'DTEND;TZID=Europe/Paris:20260601T090000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:no start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260701T003000Z',
      'DURATION:PT24H',
      'RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { events, problems } = parseICalendar(text);
    expect(events.map((e) => [e.start, e.end])).toEqual([
      [local('2026-03-02T07:30:00'), local('2026-03-03T07:30:00')],
      [local('2026-04-30T00:00:00'), local('2026-05-01T00:00:00')],
      [local('2026-05-01T22:00:00'), local('2026-05-02T06:00:00')],
      [local('2026-06-01T08:00:00'), local('2026-06-01T09:00:00')],
      [local('2026-07-01T07:30:00'), local('2026-07-02T07:30:00')],
      [local('2026-07-03T07:30:00'), local('2026-07-04T07:30:00')],
      [local('2026-07-05T07:30:00'), local('2026-07-06T07:30:00')],
    ]);
    expect(events[0]!.attendees).toEqual(['binh@so.gov.vn', 'Chi']);
    expect(events[2]!.description).toBe('Ca đêm, có\nhai dòng');
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [17, 'bad_line'],
      [28, 'unknown_tzid'],
      [29, 'unknown_tzid'],
      [31, 'missing_dtstart'],
    ]);
    expect(problems[1]!.message.vi).toContain('Europe/Paris');
  });

  it('expands WEEKLY with BYDAY, UNTIL and EXDATE, and bounds rules that never end', () => {
    const weekly = parseICalendar(
      ics(
        [
          'BEGIN:VEVENT',
          'DTSTART:20260302T073000',
          'DTEND:20260302T170000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260313',
          'EXDATE:20260304T073000',
          'END:VEVENT',
        ].join('\r\n'),
      ),
    );
    expect(weekly.problems).toEqual([]);
    expect(weekly.events.map((e) => e.start)).toEqual(['02', '06', '09', '11', '13'].map((d) => local(`2026-03-${d}T07:30:00`)));
    const every2 = parseICalendar(ics('BEGIN:VEVENT\r\nDTSTART:20260302T003000Z\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3\r\nEND:VEVENT'));
    expect(every2.events.map((e) => e.start.toISOString().slice(0, 10))).toEqual(['2026-03-02', '2026-03-16', '2026-03-30']);
    const forever = parseICalendar(ics('BEGIN:VEVENT\r\nDTSTART:20260302T003000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT'));
    expect(forever.events).toHaveLength(1000);
    expect(forever.problems.map((p) => p.code)).toEqual(['rrule_truncated']);
    const monthly = parseICalendar(ics('BEGIN:VEVENT\r\nDTSTART:20260302T003000Z\r\nRRULE:FREQ=MONTHLY;COUNT=3\r\nEND:VEVENT'));
    expect([monthly.events.length, monthly.problems[0]!.code]).toEqual([1, 'unsupported_rrule']);
  });

  it('unfolds lines, accepts LF only, and reports what it cannot use', () => {
    const folded =
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260302T003000Z\nSUMMARY:Nguyễn Thị \n Ánh Tuyết\nDTEND:20260301T003000Z\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20260231T003000Z\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20260302T003000Z\nDURATION:-PT1H\nEND:VEVENT\nEND:VCALENDAR';
    const { events, problems } = parseICalendar(folded);
    expect(events).toEqual([]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'end_before_start'],
      [9, 'bad_date'],
      [13, 'bad_duration'],
    ]);
    const one = parseICalendar('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260302T003000Z\nSUMMARY:Nguyễn Thị \n Ánh Tuyết\nEND:VEVENT');
    expect(one.events[0]!.summary).toBe('Nguyễn Thị Ánh Tuyết');
    expect(one.problems).toEqual([]);
    expect(parseICalendar('hello').problems.map((p) => p.code)).toEqual(['bad_line', 'not_icalendar']);
    expect(parseICalendar('').events).toEqual([]);
  });

  it('refuses a file over 5 MB and stops at 20,000 events', () => {
    expect(parseICalendar('X'.repeat(5 * 1024 * 1024 + 1)).problems.map((p) => p.code)).toEqual(['too_large']);
    const many = ics(Array.from({ length: 21 }, () => 'BEGIN:VEVENT\r\nDTSTART:20260302T003000Z\r\nRRULE:FREQ=DAILY;COUNT=1000\r\nEND:VEVENT').join('\r\n'));
    const r = parseICalendar(many);
    expect(r.events).toHaveLength(20_000);
    expect(r.problems.map((p) => p.code)).toEqual(['rrule_truncated', 'too_many_events']);
  });

  it('never throws on arbitrary text (fuzz), and reads every event it keeps as a valid span', () => {
    const pieces = [
      'BEGIN:VEVENT',
      'END:VEVENT',
      'BEGIN:VCALENDAR',
      'DTSTART:20260302T003000Z',
      'DTSTART;VALUE=DATE:20260230',
      'DTEND;TZID="a;b":20260303T003000',
      'DURATION:P1W',
      'RRULE:FREQ=WEEKLY;BYDAY=MO,XX',
      'RRULE:FREQ=DAILY;UNTIL=2026',
      ' folded',
      ';',
      ':',
      '"',
      'ATTENDEE;CN="x',
      'Ánh',
    ];
    const line = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...pieces));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\r\n', '\n', '\r', ''), (lines, eol) => {
        const r = parseICalendar(lines.join(eol));
        return (
          r.problems.every((p) => p.code !== 'internal_error' && Number.isInteger(p.line)) &&
          r.events.every((e) => +e.end >= +e.start && !Number.isNaN(+e.start))
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips exported shifts (property): times to the second, names, UIDs', () => {
    const name = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(TUYET, 'Lê Văn Đức; Phó phòng, "CNTT"', 'Ngô\\Bảo 😀'));
    const shift = fc.record({
      start: fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 }),
      hours: fc.integer({ min: 1, max: 744 }),
      index: fc.integer({ min: -1, max: 1000 }),
      name,
    });
    fc.assert(
      fc.property(fc.array(shift, { maxLength: 8 }), name, (list, calendarName) => {
        const ss: Shift[] = list.map((x, i) => ({
          rotationId: 'r',
          index: x.index,
          start: new Date(x.start * 1000),
          end: new Date(x.start * 1000 + x.hours * 3_600_000),
          userId: `u${i}`,
          overridden: x.index < 0,
          overrideId: x.index < 0 ? `o${i}` : null,
          originalUserId: `u${i}`,
        }));
        const names = Object.fromEntries(list.map((x, i) => [`u${i}`, x.name]));
        const text = shiftsToICalendar(ss, { calendarName, names, uidDomain: 'khien.example', now: new Date(0), emails: { u0: 'a@b.vn' } });
        if (!text.split('\r\n').every((l) => octets(l) <= 75)) return false;
        const { events, problems } = parseICalendar(text);
        expect(problems).toEqual([]);
        expect(events.map((e) => [+e.start, +e.end, e.summary, e.attendees])).toEqual(
          ss.map((s, i) => [+s.start, +s.end, `Trực: ${cleanText(names[s.userId]!)}`, i === 0 ? ['a@b.vn'] : []]),
        );
        expect(new Set(events.map((e) => e.uid)).size).toBe(new Set(ss.map((s) => `${s.index}.${+s.start}.${s.overrideId}`)).size);
      }),
      { numRuns: 300 },
    );
  });
});
