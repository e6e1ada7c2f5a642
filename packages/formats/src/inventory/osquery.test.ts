import { describe, expect, it } from 'vitest';
import { fixtureLines } from './fixtures.test-support.js';
import { parseOsqueryLine, type HostObservation, type OsqueryLineResult } from './index.js';

function hostsOf(r: OsqueryLineResult): HostObservation[] {
  if ('error' in r) throw new Error(r.error.message);
  return r.hosts;
}

function only(r: OsqueryLineResult): HostObservation {
  const hosts = hostsOf(r);
  expect(hosts).toHaveLength(1);
  return hosts[0]!;
}

describe('parseOsqueryLine on osquery-results-windows.log', () => {
  const lines = fixtureLines('osquery-results-windows.log');
  const results = lines.map((l, i) => parseOsqueryLine(l, i + 1));

  it('reads the programs snapshot: identity from hostIdentifier and decorations, time from unixTime, every program', () => {
    const h = only(results[0]!);
    expect(h).toMatchObject({
      identity: { source: 'osquery', hostIdentifier: 'KT-PC01', uuid: '4C4C4544-0042-3510-8052-B4C04F4B4E32', hostname: 'KT-PC01', macs: [] },
      mode: 'snapshot',
      table: 'programs',
      queryName: 'pack_inventory_programs',
    });
    expect(h.observedAt?.toISOString()).toBe('2024-08-21T02:15:04.000Z');
    expect(h.software?.map((s) => [s.product, s.version, s.vendor])).toEqual([
      ['Mozilla Firefox (x64 en-US)', '128.0.3', 'Mozilla'],
      ['Google Chrome', '127.0.6533.100', 'Google LLC'],
      ['7-Zip 23.01 (x64)', '23.01', 'Igor Pavlov'],
      ['Microsoft Office Professional Plus 2016', '16.0.4266.1001', 'Microsoft Corporation'],
      ['Zalo 24.7.1', '24.7.1', 'VNG Corp.'],
      ['Bkav Pro Internet Security', '5.1.0.0', 'Bkav Corporation'],
      ['Intel(R) Chipset Device Software', '', 'Intel(R) Corporation'],
    ]);
    const chrome = h.software![1]!;
    expect(chrome).toMatchObject({ source: 'programs', format: 'win', cpe: 'cpe:2.3:a:google:chrome:127.0.6533.100:*:*:*:*:*:*:*' });
    expect(chrome.installedAt?.toISOString()).toBe('2024-07-12T00:00:00.000Z');
    expect(chrome.purl).toBeUndefined(); // no purl type for Windows programs
    expect(h.software![0]!.installedAt).toBeNull(); // install_date ""
    expect(h.software![6]!.cpe).toBe('cpe:2.3:a:intel:chipset_device_software:*:*:*:*:*:*:*:*');
  });

  it('reads os_version, system_info, interface addresses (no loopback) and interface MACs', () => {
    expect(only(results[1]!).os).toEqual({
      name: 'Microsoft Windows 10 Pro',
      version: '10.0.19045',
      platform: 'windows',
      build: '19045',
      arch: '64-bit',
      codename: 'Microsoft Windows 10 Pro',
      major: '10',
      minor: '0',
    });
    expect(only(results[2]!).identity).toMatchObject({ uuid: '4C4C4544-0042-3510-8052-B4C04F4B4E32', serial: '5B2QKB3', hostname: 'KT-PC01' });
    expect(only(results[3]!).interfaces).toEqual([
      { name: '12', address: '192.168.10.23', mask: '255.255.255.0' },
      { name: '12', address: 'fe80::8d4c:1b2a:3e5f:7a61', mask: 'ffff:ffff:ffff:ffff::' },
    ]);
    const details = only(results[4]!);
    expect(details.interfaces).toEqual([
      { name: '12', mac: 'b0:7b:25:1e:4a:9c' },
      { name: '17', mac: '0a:00:27:00:00:11' },
    ]);
    // the locally administered 0a:… (a VirtualBox adapter) names no machine
    expect(details.identity.macs).toEqual(['b0:7b:25:1e:4a:9c']);
  });

  it('splits a batched diffResults line into an added and a removed observation', () => {
    const hosts = hostsOf(results[5]!);
    expect(hosts.map((h) => [h.mode, h.software?.map((s) => s.version)])).toEqual([
      ['added', ['128.0.6613.85']],
      ['removed', ['127.0.6533.100']],
    ]);
    expect(hosts[0]!.observedAt?.toISOString()).toBe('2024-08-21T03:00:00.000Z');
  });

  it('ignores other queries with a warning, and drops placeholder firmware ids', () => {
    expect(results[6]).toEqual({ hosts: [], warnings: ['line 7: query "processes_snapshot" is not an inventory table; ignored'] });
    const h = only(results[7]!);
    expect(h.identity).toEqual({ source: 'osquery', hostIdentifier: 'MOTCUA-02', hostname: 'MOTCUA-02', macs: [] });
    expect(results[8]).toEqual({ hosts: [] }); // the trailing empty line
  });
});

describe('parseOsqueryLine on osquery-results-linux.log', () => {
  const lines = fixtureLines('osquery-results-linux.log');
  const results = lines.map((l, i) => parseOsqueryLine(l, i + 1));

  it('reads deb_packages with numbers for numerics, source packages for CPEs, epochs kept in the version', () => {
    const h = only(results[1]!);
    expect(h.table).toBe('deb_packages');
    const byName = Object.fromEntries(h.software!.map((s) => [s.product, s]));
    expect(byName.libssl3).toMatchObject({ format: 'deb', version: '3.0.11-1~deb12u2', arch: 'amd64', cpe: 'cpe:2.3:a:*:openssl:3.0.11:*:*:*:*:*:*:*' });
    expect(byName.passwd).toMatchObject({ version: '1:4.13+dfsg1-1+b1', cpe: 'cpe:2.3:a:*:shadow:4.13:*:*:*:*:*:*:*' });
    // without the host's OS the deb purl has no namespace
    expect(byName.openssl!.purl).toBe('pkg:deb/openssl@3.0.11-1~deb12u2?arch=amd64');
  });

  it('gives deb purls their namespace and distro when the importer passes the host OS', () => {
    const os = only(results[0]!).os!;
    expect(os).toMatchObject({ platform: 'debian', major: '12' });
    const h = only(parseOsqueryLine(lines[1]!, 2, { os }));
    expect(h.software![0]!.purl).toBe('pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12');
  });

  it('reads event-format lines (columns + action) with a string unixTime', () => {
    const removed = only(results[2]!);
    const added = only(results[3]!);
    expect([removed.mode, removed.table, removed.software![0]!.version]).toEqual(['removed', 'deb_packages', '7.88.1-10+deb12u5']);
    expect([added.mode, added.software![0]!.version]).toEqual(['added', '7.88.1-10+deb12u7']);
    expect(added.observedAt?.toISOString()).toBe('2024-08-22T03:00:00.000Z');
  });

  it('recognises rpm_packages by its columns under an uninformative query name', () => {
    const h = only(results[4]!);
    expect([h.table, h.queryName]).toEqual(['rpm_packages', 'pack_hygiene_q7']);
    expect(h.software![0]).toMatchObject({
      product: 'openssl',
      version: '3.0.7-27.el9',
      epoch: '1',
      vendor: 'Red Hat, Inc.',
      cpe: 'cpe:2.3:a:*:openssl:3.0.7:*:*:*:*:*:*:*',
      purl: 'pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1',
    });
    expect(h.software![1]!.cpe).toBe('cpe:2.3:a:*:kernel:5.14.0:*:*:*:*:*:*:*'); // from the source rpm
    expect(h.software![2]!.arch).toBeUndefined(); // gpg-pubkey's "(none)"
  });
});

describe('parseOsqueryLine on bad lines', () => {
  const good = fixtureLines('osquery-results-linux.log')[1]!;

  it('reports truncated JSON, wrong shapes and wrong types with the line number, without throwing', () => {
    const cases: [string, RegExp][] = [
      [good.slice(0, 200), /^line 42: not valid JSON/],
      ['[1,2,3]', /^line 42: not a JSON object$/],
      ['{"snapshot":[],"action":"snapshot"}', /^line 42: missing query "name"$/],
      ['{"name":{"x":1},"snapshot":[]}', /^line 42: missing query "name"$/],
      ['{"name":"deb_packages","snapshot":{"name":"x"}}', /"snapshot" is not an array/],
      ['{"name":"deb_packages","diffResults":{"added":"x"}}', /"diffResults.added" is not an array/],
      ['{"name":"deb_packages","action":"changed","columns":{"name":"x","version":"1"}}', /"action" must be "added" or "removed"/],
      // found by the property test: a missing action once crashed the message
      ['{"name":"deb_packages","columns":{"name":"x","version":"1"}}', /"action" must be "added" or "removed" with "columns", found missing$/],
      ['{"name":"deb_packages","unixTime":"soon","snapshot":[]}', /unixTime "soon" is not a number/],
      ['{"name":"deb_packages","hostIdentifier":"h"}', /not an osquery result line/],
      ['{"name":"deb_packages","snapshot":[{"name":"curl"}]}', /no readable row .*missing column "version"/],
      ['{"name":"pack_x","snapshot":[{"name":"curl","version":{"v":1},"maintainer":"m"}]}', /no readable row .*column "version" is object/],
    ];
    for (const [line, re] of cases) {
      const r = parseOsqueryLine(line, 42);
      expect('error' in r ? r.error.message : JSON.stringify(r), line).toMatch(re);
      if ('error' in r) expect(r.error.line).toBe(42);
    }
  });

  it('skips unreadable rows of a snapshot with a warning naming them, keeping the rest', () => {
    const line = JSON.stringify({
      name: 'deb_packages',
      hostIdentifier: 'h1',
      snapshot: [{ name: 'curl', version: '7.88.1-10', arch: 'amd64' }, { version: '1.0' }, 'junk', { name: ['x'], version: '1' }],
    });
    const r = parseOsqueryLine(line, 7);
    expect('hosts' in r && r.hosts[0]!.software!.map((s) => s.product)).toEqual(['curl']);
    expect('hosts' in r && r.warnings).toEqual([
      'line 7: snapshot row 2: missing column "name"; skipped',
      'line 7: snapshot row 3: not an object; skipped',
      'line 7: snapshot row 4: column "name" is an array, not text; skipped',
    ]);
  });

  it('gives no observation for an empty side of a batched line', () => {
    const r = parseOsqueryLine('{"name":"deb_packages","hostIdentifier":"h","diffResults":{"added":[{"name":"curl","version":"8.5.0-2"}],"removed":[]}}', 1);
    expect('hosts' in r && r.hosts.map((h) => h.mode)).toEqual(['added']);
  });

  it('bounds the line length', () => {
    const r = parseOsqueryLine(`{"name":"x","snapshot":[${'{"a":"b"},'.repeat(900_000)}{}]}`, 3);
    expect('error' in r && r.error.message).toBe('line 3: longer than 8388608 characters');
  });

  it('keeps an empty snapshot as a snapshot with no software (everything was uninstalled)', () => {
    const r = parseOsqueryLine('{"name":"pack_inventory_deb_packages","hostIdentifier":"h","snapshot":[]}', 1);
    expect('hosts' in r && r.hosts).toEqual([
      {
        identity: { source: 'osquery', hostIdentifier: 'h', macs: [] },
        observedAt: null,
        mode: 'snapshot',
        table: 'deb_packages',
        queryName: 'pack_inventory_deb_packages',
        software: [],
      },
    ]);
  });
});

describe('throughput sanity', () => {
  it('parses 100k package rows (20 snapshot lines of 5,000) in one go', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      name: `lib-package-${i}`,
      version: `1.${i % 50}.${i % 7}-${i % 3}ubuntu1`,
      source: i % 2 ? `src-${i}` : '',
      size: String(1000 + i),
      arch: 'amd64',
      revision: `${i % 3}ubuntu1`,
      status: 'install ok installed',
      maintainer: 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>',
      section: 'libs',
      priority: 'optional',
    }));
    const lines = Array.from({ length: 20 }, (_, h) =>
      JSON.stringify({ snapshot: rows, action: 'snapshot', name: 'deb_packages', hostIdentifier: `host-${h}`, unixTime: 1724288400 }),
    );
    const started = performance.now();
    const cpu = process.cpuUsage();
    let count = 0;
    lines.forEach((l, i) => {
      for (const h of hostsOf(parseOsqueryLine(l, i + 1))) count += h.software!.length;
    });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    expect(count).toBe(100_000);
    // not a timing assertion (the bench measures speed); printed so a slowdown shows in the test log.
    // CPU time as well as wall time: on a shared machine the wall clock says little.
    console.info(`osquery: 100k deb rows in ${ms.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
  });
});

describe('parseOsqueryLine on a garbled time', () => {
  it('reads the rows and leaves the time unknown when unixTime is past what a date can hold', () => {
    const line = JSON.stringify({
      action: 'added',
      columns: { name: 'curl', version: '7.88.1-10+deb12u7', source: '', size: '500', arch: 'amd64', revision: '10+deb12u7', status: 'install ok installed' },
      name: 'pack_inventory_deb_packages',
      hostIdentifier: 'cong-dvc',
      unixTime: '17241724295600',
    });
    const [host] = hostsOf(parseOsqueryLine(line, 7));
    expect(host!.observedAt).toBeNull();
    expect(host!.software?.[0]).toMatchObject({ product: 'curl' });
  });
});
