import { describe, expect, it } from 'vitest';
import { cpeFromPackage, cpeValueToText, formatCpe, parseCpe, purlFor, textToCpeValue } from './index.js';

describe('parseCpe / formatCpe', () => {
  it('reads the NISTIR 7695 formatted-string examples', () => {
    const r = parseCpe('cpe:2.3:a:foo\\\\bar:big\\$money:2010:*:*:*:special:ipod_touch:80gb:*');
    expect(r).toEqual({
      ok: true,
      cpe: {
        part: 'a',
        vendor: 'foo\\\\bar',
        product: 'big\\$money',
        version: '2010',
        update: '*',
        edition: '*',
        language: '*',
        swEdition: 'special',
        targetSw: 'ipod_touch',
        targetHw: '80gb',
        other: '*',
      },
    });
    expect(r.ok && cpeValueToText(r.cpe.vendor)).toBe('foo\\bar');
    expect(r.ok && cpeValueToText(r.cpe.product)).toBe('big$money');
    const w = parseCpe('cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*');
    expect(w.ok && w.cpe.update).toBe('-');
    expect(w.ok && formatCpe(w.cpe)).toBe('cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*');
  });

  it('keeps escaped colons inside a value and edge wildcards', () => {
    const r = parseCpe('cpe:2.3:a:vendor:product:1.0\\:beta:*:*:*:*:*:*:*');
    expect(r.ok && r.cpe.version).toBe('1.0\\:beta');
    expect(r.ok && cpeValueToText(r.cpe.version)).toBe('1.0:beta');
    const w = parseCpe('cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*');
    expect(w.ok && formatCpe(w.cpe)).toBe('cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*');
    expect(w.ok && cpeValueToText(w.cpe.version)).toBeNull();
  });

  it('writes the canonical form: no escapes on . - _, lower-case prefix', () => {
    const r = parseCpe('CPE:2.3:A:vendor:pro\\.duct:1\\-2:*:*:*:*:*:*:*');
    expect(r.ok && formatCpe(r.cpe)).toBe('cpe:2.3:a:vendor:pro.duct:1-2:*:*:*:*:*:*:*');
    // a literal lone hyphen keeps its escape, or it would read back as NA
    const h = parseCpe('cpe:2.3:a:vendor:product:\\-:*:*:*:*:*:*:*');
    expect(h.ok && h.cpe.version).toBe('\\-');
  });

  it('rejects what is not a CPE 2.3 formatted string, saying why', () => {
    const cases: [string, RegExp][] = [
      ['cpe:/a:microsoft:edge:1.0', /CPE 2\.2 URI/],
      ['microsoft edge', /does not start/],
      ['cpe:2.3:a:microsoft:edge:*:*:*:*:*:*:*', /found 10/],
      ['cpe:2.3:x:microsoft:edge:*:*:*:*:*:*:*:*', /part "x"/],
      ['cpe:2.3:a:micro soft:edge:*:*:*:*:*:*:*:*', /outside printable ASCII/],
      ['cpe:2.3:a:microsoft:ed+ge:*:*:*:*:*:*:*:*', /"\+" must be escaped/],
      ['cpe:2.3:a:microsoft:ed*ge:*:*:*:*:*:*:*:*', /only stand at either end/],
      ['cpe:2.3:a:microsoft::*:*:*:*:*:*:*:*', /product is empty/],
      ['cpe:2.3:a:microsoft:**:*:*:*:*:*:*:*:*', /only wildcards/],
      ['cpe:2.3:a:microsoft:edge:*:*:*:*:*:*:*:x\\', /lone backslash/],
      ['cpe:2.3:a:việt:edge:*:*:*:*:*:*:*:*', /outside printable ASCII/],
    ];
    for (const [s, re] of cases) {
      const r = parseCpe(s);
      expect(r.ok ? 'parsed' : r.reason, s).toMatch(re);
    }
  });

  it('escapes plain text into values and back', () => {
    expect(textToCpeValue('c++')).toBe('c\\+\\+');
    expect(textToCpeValue('node.js')).toBe('node.js');
    expect(textToCpeValue('a:b/c')).toBe('a\\:b\\/c');
    expect(textToCpeValue('-')).toBe('\\-');
    expect(textToCpeValue('two words')).toBeNull();
    expect(textToCpeValue('')).toBeNull();
    expect(cpeValueToText('c\\+\\+')).toBe('c++');
    expect(cpeValueToText('*')).toBeNull();
    expect(cpeValueToText('-')).toBeNull();
  });
});

describe('cpeFromPackage', () => {
  it('normalises installed-software names the way NVD names them, best effort', () => {
    expect(cpeFromPackage({ vendor: 'Mozilla', product: 'Mozilla Firefox (x64 en-US)', version: '128.0.3' })).toBe(
      'cpe:2.3:a:mozilla:firefox:128.0.3:*:*:*:*:*:*:*',
    );
    expect(cpeFromPackage({ vendor: 'Google LLC', product: 'Google Chrome', version: '127.0.6533.100' })).toBe(
      'cpe:2.3:a:google:chrome:127.0.6533.100:*:*:*:*:*:*:*',
    );
    expect(cpeFromPackage({ vendor: 'Microsoft Corporation', product: 'Microsoft Edge', version: '127.0.2651.105' })).toBe(
      'cpe:2.3:a:microsoft:edge:127.0.2651.105:*:*:*:*:*:*:*',
    );
    expect(cpeFromPackage({ vendor: 'Igor Pavlov', product: '7-Zip 23.01 (x64)', version: '23.01' })).toBe('cpe:2.3:a:igor_pavlov:7-zip:23.01:*:*:*:*:*:*:*');
    expect(cpeFromPackage({ vendor: 'Công ty Cổ phần BKAV', product: 'Bkav Pro', version: '5.1' })).toBe('cpe:2.3:a:bkav:pro:5.1:*:*:*:*:*:*:*');
    expect(cpeFromPackage({ vendor: 'Wazuh, Inc <info@wazuh.com>', product: 'wazuh-agent', version: '4.8.2' })).toBe(
      'cpe:2.3:a:wazuh:wazuh-agent:4.8.2:*:*:*:*:*:*:*',
    );
  });

  it('escapes specials, uses ANY for unknown vendor and version, and the o/h parts when asked', () => {
    expect(cpeFromPackage({ product: 'Notepad++', version: '8.6.9' })).toBe('cpe:2.3:a:*:notepad\\+\\+:8.6.9:*:*:*:*:*:*:*');
    expect(cpeFromPackage({ vendor: 'Microsoft', product: 'Windows 10', part: 'o' })).toBe('cpe:2.3:o:microsoft:windows_10:*:*:*:*:*:*:*:*');
    expect(cpeFromPackage({ product: '   ' })).toBeNull();
    expect(cpeFromPackage({ product: 'Phần mềm kế toán MISA SME', version: 'R54' })).toBe('cpe:2.3:a:*:phan_mem_ke_toan_misa_sme:r54:*:*:*:*:*:*:*');
  });

  it('always yields a CPE that parses and formats back to itself', () => {
    for (const p of [
      { vendor: 'A "quoted" vendor, Inc.', product: 'Prod/uct: (beta) 1.0', version: '1.0' },
      { vendor: '<only@mail>', product: '\\back\\slash', version: '~1~' },
    ]) {
      const c = cpeFromPackage(p)!;
      const r = parseCpe(c);
      expect(r.ok && formatCpe(r.cpe)).toBe(c);
    }
  });
});

describe('purlFor', () => {
  it('builds deb and rpm purls with qualifiers sorted', () => {
    expect(purlFor({ type: 'deb', namespace: 'debian', name: 'openssl', version: '3.0.11-1~deb12u2', arch: 'amd64', distro: 'debian-12' })).toBe(
      'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
    );
    expect(purlFor({ type: 'RPM', namespace: 'Fedora', name: 'curl', version: '7.50.3-1.fc25', arch: 'i386', distro: 'fedora-25', epoch: 1 })).toBe(
      'pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25&epoch=1',
    );
    expect(purlFor({ type: 'rpm', name: 'kernel', version: '5.14.0', epoch: '0' })).toBe('pkg:rpm/kernel@5.14.0');
  });

  it('percent-encodes per the purl spec, leaving letters, digits, .-_~ and : alone', () => {
    expect(purlFor({ type: 'deb', namespace: 'debian', name: 'passwd', version: '1:4.13+dfsg1-1+b1' })).toBe('pkg:deb/debian/passwd@1:4.13%2Bdfsg1-1%2Bb1');
    expect(purlFor({ type: 'npm', namespace: '@angular', name: 'Core', version: '1.0 beta' })).toBe('pkg:npm/%40angular/core@1.0%20beta');
    expect(purlFor({ type: 'generic', name: 'phần mềm', version: '1/2', qualifiers: { Download_URL: 'https://x.vn/a?b=c', empty: '' } })).toBe(
      'pkg:generic/ph%E1%BA%A7n%20m%E1%BB%81m@1%2F2?download_url=https:%2F%2Fx.vn%2Fa%3Fb%3Dc',
    );
    expect(purlFor({ type: 'pypi', name: 'Django_Rest.Framework', version: '3.15.2' })).toBe('pkg:pypi/django-rest-framework@3.15.2');
    expect(purlFor({ type: 'generic', name: 'x', subpath: '/a/./b/../c/' })).toBe('pkg:generic/x#a/b/c');
  });

  it('refuses what cannot be a purl', () => {
    expect(purlFor({ type: '', name: 'x' })).toBeNull();
    expect(purlFor({ type: '9deb', name: 'x' })).toBeNull();
    expect(purlFor({ type: 'deb', name: ' ' })).toBeNull();
  });
});
