import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyIndicator, INDICATOR_KINDS, MAX_INDICATORS, parseIndicatorList, refang, type IndicatorKind } from './indicators.js';

const ok = (raw: string, hint?: IndicatorKind) => {
  const r = classifyIndicator(raw, hint);
  return r.ok ? [r.type, r.value] : [r.code];
};

describe('classifyIndicator', () => {
  it.each([
    ['1.2.3.4', 'ipv4', '1.2.3.4'],
    [' 203.0.113.7 ', 'ipv4', '203.0.113.7'],
    ['2001:DB8:0:0:0:0:0:1', 'ipv6', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', 'ipv6', '2001:db8::1:0:0:1'],
    ['::ffff:192.0.2.1', 'ipv4', '192.0.2.1'],
    ['10.0.0.0/8', 'cidr', '10.0.0.0/8'],
    ['10.0.0.1/8', 'cidr', '10.0.0.0/8'],
    ['2001:DB8::1/32', 'cidr', '2001:db8::/32'],
    ['Evil.Example.COM', 'domain', 'evil.example.com'],
    ['evil.example.com.', 'domain', 'evil.example.com'],
    ['bücher.example', 'domain', 'xn--bcher-kva.example'],
    ['cổngthôngtin.vn', 'domain', 'xn--cngthngtin-vbb7982g.vn'],
    ['xn--p1ai.xn--p1ai', 'domain', 'xn--p1ai.xn--p1ai'],
    ['HTTP://Evil.Example.com/Path/A%20b?Q=1#Frag', 'url', 'http://evil.example.com/Path/A%20b?Q=1#Frag'],
    ['https://user:pw@Host.example:8443/x/../y', 'url', 'https://user:pw@host.example:8443/x/../y'],
    ['ftp://files.example.org/pub', 'url', 'ftp://files.example.org/pub'],
    ['http://[2001:DB8::1]:8080/a', 'url', 'http://[2001:db8::1]:8080/a'],
    ['Admin@Mail.Example.VN', 'email', 'Admin@mail.example.vn'],
    ['D41D8CD98F00B204E9800998ECF8427E', 'md5', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('%s → %s %s', (raw, type, value) => {
    expect(ok(raw)).toEqual([type, value]);
  });

  it.each([
    ['hxxp://evil[.]example[.]com/a', 'url', 'http://evil.example.com/a'],
    ['hxxps[:]//evil(.)example{.}com', 'url', 'https://evil.example.com'],
    ['HXXPS[://]evil.example.com/x', 'url', 'https://evil.example.com/x'],
    ['evil[dot]example[.]com', 'domain', 'evil.example.com'],
    ['evil [.] example [.] com', 'domain', 'evil.example.com'],
    ['198[.]51[.]100[.]7', 'ipv4', '198.51.100.7'],
    ['2001[:]db8[:][:]1', 'ipv6', '2001:db8::1'],
    ['phish[@]example[.]vn', 'email', 'phish@example.vn'],
    ['phish[at]example[.]vn', 'email', 'phish@example.vn'],
    ['fxp://files[.]example[.]org', 'url', 'ftp://files.example.org'],
  ])('refangs %s → %s %s', (raw, type, value) => {
    expect(ok(raw)).toEqual([type, value]);
  });

  it.each([
    ['', 'indicator_empty'],
    ['   ', 'indicator_empty'],
    ['x'.repeat(2_001), 'indicator_too_long'],
    ['localhost', 'indicator_unknown'],
    ['1.2.3', 'indicator_unknown'],
    ['256.1.1.1', 'indicator_unknown'],
    ['01.2.3.4', 'indicator_unknown'],
    ['example.123', 'indicator_unknown'],
    ['-bad.example.com', 'indicator_unknown'],
    [`${'a'.repeat(64)}.example.com`, 'indicator_unknown'],
    [`${'a.'.repeat(126)}com`, 'indicator_unknown'],
    ['evil.com#frag', 'indicator_unknown'],
    ['evil.com\\x', 'indicator_unknown'],
    ['javascript://evil.example.com', 'indicator_unknown'],
    ['file:///etc/passwd', 'indicator_unknown'],
    ['http://exa mple.com', 'indicator_unknown'],
    ['@example.com', 'indicator_unknown'],
    ['a@b', 'indicator_unknown'],
    ['10.0.0.0/33', 'indicator_unknown'],
    ['1.2.3.4-1.2.3.9', 'indicator_unknown'],
    ['d41d8cd98f00b204e9800998ecf8427', 'indicator_unknown'],
  ])('refuses %j with %s', (raw, code) => {
    expect(ok(raw)).toEqual([code]);
  });

  it('says so when the host bits of a range were dropped', () => {
    const r = classifyIndicator('10.0.0.1/8');
    expect(r).toMatchObject({ ok: true, type: 'cidr', value: '10.0.0.0/8' });
    expect(r.ok && r.note?.vi).toContain('10.0.0.0/8');
    expect(classifyIndicator('10.0.0.0/8')).toEqual({ ok: true, type: 'cidr', value: '10.0.0.0/8' });
  });

  it('checks the hint, takes an address hinted as a range as one address, and needs the hint for a file name', () => {
    expect(ok('1.2.3.4', 'ipv4')).toEqual(['ipv4', '1.2.3.4']);
    expect(ok('1.2.3.4', 'domain')).toEqual(['indicator_type_mismatch']);
    expect(ok('1.2.3.4', 'cidr')).toEqual(['cidr', '1.2.3.4/32']);
    expect(ok('2001:db8::1', 'cidr')).toEqual(['cidr', '2001:db8::1/128']);
    expect(ok('invoice.pdf.exe')).toEqual(['domain', 'invoice.pdf.exe']);
    expect(ok('invoice.pdf.exe', 'file_name')).toEqual(['file_name', 'invoice.pdf.exe']);
    expect(ok('Hóa đơn [.] tháng 9.docx', 'file_name')).toEqual(['file_name', 'Hóa đơn [.] tháng 9.docx']);
    expect(ok('C:\\Windows\\evil.dll', 'file_name')).toEqual(['indicator_file_name']);
    expect(ok('../evil.sh', 'file_name')).toEqual(['indicator_file_name']);
  });

  it('explains a refusal in both languages', () => {
    const r = classifyIndicator('not an indicator!');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.vi).toContain('Không nhận ra');
      expect(r.message.en).toContain('is not an IP address');
    }
  });
});

describe('classifyIndicator properties', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
  const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[a-z]{2,8}$/)).map(([ls, tld]) => [...ls, tld].join('.'));
  const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`));
  const indicator = fc.oneof(
    v4,
    domain,
    hex(32),
    hex(40),
    hex(64),
    domain.map((d) => `https://${d}/p?q=1`),
    domain.map((d) => `user.name@${d}`),
  );
  const defang = (s: string) => s.replace(/^http/, 'hxxp').replace(/\./g, '[.]').replace(/@/, '[@]');

  it('never throws, and answers ok with a known type and a value, or a code and a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), indicator),
        fc.option(fc.constantFrom(...INDICATOR_KINDS), { nil: undefined }),
        (s, hint) => {
          const r = classifyIndicator(s, hint);
          return r.ok ? INDICATOR_KINDS.includes(r.type) && r.value.length > 0 : r.code.length > 0 && r.message.vi.length > 0 && r.message.en.length > 0;
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('is idempotent: a value classifies again as itself, and defanging does not change it', () => {
    fc.assert(
      fc.property(indicator, (s) => {
        const r = classifyIndicator(s);
        if (!r.ok) return false;
        const again = classifyIndicator(r.value);
        const defanged = classifyIndicator(defang(s));
        return again.ok && again.type === r.type && again.value === r.value && defanged.ok && defanged.type === r.type && defanged.value === r.value;
      }),
      { numRuns: 500 },
    );
  });

  it('refang is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => refang(refang(s)) === refang(s)),
      { numRuns: 500 },
    );
  });
});

describe('parseIndicatorList', () => {
  it('splits lines, commas, semicolons and spaces, dedupes by type and value, and names the line of each problem', () => {
    const text = [
      '# IoC từ công văn',
      '1.2.3.4, 1.2.3.4;hxxp://evil[.]example[.]com/a',
      '',
      'EVIL.example.com evil.example.com\t',
      'sai-dinh-dang 10.0.0.1/8',
    ].join('\r\n');
    const r = parseIndicatorList(text);
    expect(r.indicators).toEqual([
      { type: 'ipv4', value: '1.2.3.4' },
      { type: 'url', value: 'http://evil.example.com/a' },
      { type: 'domain', value: 'evil.example.com' },
      { type: 'cidr', value: '10.0.0.0/8' },
    ]);
    expect(r.problems.map((p) => [p.line, p.value, p.code])).toEqual([
      [1, '#', 'indicator_unknown'],
      [1, 'IoC', 'indicator_unknown'],
      [1, 'từ', 'indicator_unknown'],
      [1, 'công', 'indicator_unknown'],
      [1, 'văn', 'indicator_unknown'],
      [5, 'sai-dinh-dang', 'indicator_unknown'],
    ]);
  });

  it('keeps a defanged domain with spaces inside the brackets whole', () => {
    expect(parseIndicatorList('evil [.] example [.] com').indicators).toEqual([{ type: 'domain', value: 'evil.example.com' }]);
  });

  it(`reads at most ${MAX_INDICATORS} items and says the rest was left`, () => {
    const many = Array.from({ length: MAX_INDICATORS + 10 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`).join('\n');
    const r = parseIndicatorList(many);
    expect(r.indicators).toHaveLength(MAX_INDICATORS);
    expect(r.problems).toEqual([expect.objectContaining({ line: MAX_INDICATORS + 1, code: 'indicator_list_too_long' })]);
  });

  it('returns nothing for empty text', () => {
    expect(parseIndicatorList('')).toEqual({ indicators: [], problems: [] });
    expect(parseIndicatorList(' \n,;\n')).toEqual({ indicators: [], problems: [] });
  });
});
