import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures.test-support.js';
import { parseWazuhInventory, type HostObservation } from './index.js';

function read(name: string): ReturnType<typeof parseWazuhInventory> {
  const r = parseWazuhInventory(readFixture(name));
  expect(r.errors).toEqual([]);
  return r;
}

function only(hosts: HostObservation[]): HostObservation {
  expect(hosts).toHaveLength(1);
  return hosts[0]!;
}

describe('parseWazuhInventory on Wazuh 4.x server API answers', () => {
  it('reads GET /syscollector/{agent}/packages into one snapshot for the agent', () => {
    const r = read('wazuh-api-packages-ubuntu.json');
    expect(r.kind).toBe('api-packages');
    const h = only(r.hosts);
    expect(h).toMatchObject({ identity: { source: 'wazuh', agentId: '003', macs: [] }, mode: 'snapshot', table: 'wazuh_packages' });
    expect(h.partial).toBeUndefined();
    expect(h.observedAt?.toISOString()).toBe('2024-08-21T09:16:45.000Z');
    expect(h.software!.map((s) => [s.product, s.version, s.format, s.arch])).toEqual([
      ['libssl3', '3.0.2-0ubuntu1.16', 'deb', 'amd64'],
      ['openssl', '3.0.2-0ubuntu1.16', 'deb', 'amd64'],
      ['poppler-data', '0.4.11-1', 'deb', 'all'],
      ['wazuh-agent', '4.8.2-1', 'deb', 'amd64'],
    ]);
    // libssl3 is built from the openssl source package: that is the name NVD knows
    expect(h.software![0]!.cpe).toBe('cpe:2.3:a:*:openssl:3.0.2:*:*:*:*:*:*:*');
  });

  it('gives deb purls their distro when the agent OS is passed in', () => {
    const r = parseWazuhInventory(readFixture('wazuh-api-packages-ubuntu.json'), {
      osByAgent: { '003': { platform: 'ubuntu', version: '22.04.4 LTS (Jammy Jellyfish)', major: '22', minor: '04' } },
    });
    expect(r.hosts[0]!.software![1]!.purl).toBe('pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.16?arch=amd64&distro=ubuntu-22.04');
  });

  it('marks a page of a larger answer as partial, so the importer deletes nothing', () => {
    const h = only(read('wazuh-api-packages-windows-page.json').hosts);
    expect(h.partial).toBe(true);
    expect(h.software!.map((s) => [s.product, s.format, s.installedAt?.toISOString(), s.cpe])).toEqual([
      ['Mozilla Firefox (x64 vi)', 'win', '2024-08-05T00:00:00.000Z', 'cpe:2.3:a:mozilla:firefox:129.0:*:*:*:*:*:*:*'],
      ['Microsoft Edge', 'win', '2024-08-16T00:00:00.000Z', 'cpe:2.3:a:microsoft:edge:127.0.2651.105:*:*:*:*:*:*:*'],
      ['Foxit PDF Reader', 'win', '2023-04-12T00:00:00.000Z', 'cpe:2.3:a:foxit_software:pdf_reader:12.1.2.15332:*:*:*:*:*:*:*'],
    ]);
  });

  it('reads os, hardware, netaddr and netiface answers', () => {
    const os = read('wazuh-api-os.json');
    expect(os.kind).toBe('api-os');
    expect(os.hosts.map((h) => [h.identity.agentId, h.identity.hostname, h.os])).toEqual([
      [
        '003',
        'mail-ubnd',
        {
          name: 'Ubuntu',
          version: '22.04.4 LTS (Jammy Jellyfish)',
          platform: 'ubuntu',
          codename: 'Jammy Jellyfish',
          major: '22',
          minor: '04',
          arch: 'x86_64',
          kernel: '5.15.0-117-generic',
        },
      ],
      [
        '007',
        'TCKT-PC07',
        { name: 'Microsoft Windows 10 Pro', version: '10.0.19045.4651', platform: '', build: '19045.4651', major: '10', minor: '0', arch: 'x86_64' },
      ],
    ]);
    const hw = read('wazuh-api-hardware.json');
    // agent 007's board reports the placeholder "Default string"
    expect(hw.hosts.map((h) => [h.identity.agentId, h.identity.serial])).toEqual([
      ['003', 'VMware-56 4d 2b 1c 9a 7e 3f 10-8a 5b 6c 7d 8e 9f a0 b1'],
      ['007', undefined],
    ]);
    expect(only(read('wazuh-api-netaddr.json').hosts).interfaces).toEqual([
      { name: 'ens160', address: '10.15.2.21', mask: '255.255.255.0' },
      { name: 'ens160', address: 'fe80::250:56ff:fe8a:1b2c', mask: 'ffff:ffff:ffff:ffff::' },
    ]);
    const ni = only(read('wazuh-api-netiface.json').hosts);
    expect(ni.interfaces).toEqual([
      { name: 'ens160', mac: '00:50:56:8a:1b:2c' },
      { name: 'docker0', mac: '02:42:7f:3a:11:05' },
    ]);
    expect(ni.identity.macs).toEqual(['00:50:56:8a:1b:2c']); // docker0's MAC is locally administered
  });

  it('reads GET /agents: one observation per agent with name, address, OS and last keep-alive', () => {
    const r = read('wazuh-api-agents.json');
    expect(r.kind).toBe('api-agents');
    expect(r.hosts.map((h) => [h.identity.agentId, h.identity.hostname, h.identity.ips, h.os?.platform, h.observedAt?.toISOString() ?? null])).toEqual([
      ['000', 'wazuh-manager', undefined, 'ubuntu', null], // loopback address and the 9999-12-31 keep-alive are dropped
      ['003', 'mail-ubnd', ['10.15.2.21'], 'ubuntu', '2024-08-21T09:20:31.000Z'],
      ['007', 'TCKT-PC07', ['10.15.3.57'], 'windows', '2024-08-20T10:02:17.000Z'],
    ]);
  });
});

describe('parseWazuhInventory on indexer documents', () => {
  it('reads a 4.8+ search answer over wazuh-states-inventory-packages-* (top-level agent)', () => {
    const r = read('wazuh-indexer-packages-4x.json');
    expect(r.kind).toBe('indexer-packages');
    const h = only(r.hosts);
    expect(h.identity).toEqual({ source: 'wazuh', agentId: '003', hostname: 'mail-ubnd', ips: ['10.15.2.21'], macs: [] });
    expect(h.partial).toBeUndefined(); // hits.total equals the hits given
    expect(h.software!.map((s) => s.product)).toEqual(['libssl3', 'apache2']);
  });

  it('reads 5.x documents (wazuh.agent) as NDJSON, taking the distro from the agent host OS', () => {
    const r = read('wazuh-indexer-packages-5x.ndjson');
    const h = only(r.hosts);
    expect(h.identity).toMatchObject({ agentId: '012', hostname: 'ubuntu-QEMU-Virtual-Machine' });
    expect(h.partial).toBe(true); // loose documents say nothing of what is absent
    expect(h.os).toMatchObject({ name: 'Ubuntu', platform: 'ubuntu', arch: 'aarch64' });
    expect(h.software!.map((s) => [s.product, s.format, s.purl])).toEqual([
      ['SQLAlchemy', 'pypi', 'pkg:pypi/sqlalchemy@2.0.23'],
      ['openssl', 'deb', 'pkg:deb/ubuntu/openssl@3.0.13-0ubuntu3.5?arch=arm64&distro=ubuntu-24.04'],
    ]);
    expect(h.software![1]!.installedAt?.toISOString()).toBe('2026-02-20T08:00:00.000Z');
  });

  it('accepts already-parsed JSON and a bare array of hits', () => {
    const doc = JSON.parse(readFixture('wazuh-indexer-packages-4x.json')) as { hits: { hits: unknown[] } };
    expect(parseWazuhInventory(doc).hosts[0]!.software).toHaveLength(2);
    const fromArray = parseWazuhInventory(doc.hits.hits);
    expect(fromArray.hosts[0]!.partial).toBe(true);
    expect(fromArray.hosts[0]!.software).toHaveLength(2);
  });
});

describe('parseWazuhInventory on bad input', () => {
  it('reports documents it cannot read, without throwing', () => {
    const cases: [unknown, RegExp][] = [
      ['{"data":{"affected_items":[', /^document: not valid JSON/],
      ['42', /^document: not a JSON object or array$/],
      ['{"foo":1}', /^document: not a Wazuh API answer/],
      [{ title: 'Unauthorized', error: 6000 }, /^document: Wazuh reported error 6000: Unauthorized/],
      [null, /^document: not a JSON object or array$/],
    ];
    for (const [input, re] of cases) {
      const r = parseWazuhInventory(input);
      expect(r.hosts).toEqual([]);
      expect(r.errors.map((e) => e.message).join('\n'), String(input)).toMatch(re);
    }
  });

  it('numbers bad items, keeps the good ones, and passes on what the API reported as failed', () => {
    const doc = {
      data: {
        affected_items: [
          { name: 'curl', version: '7.81.0-1ubuntu1.16', format: 'deb', agent_id: '003' },
          { name: 'wget', version: { v: 1 }, format: 'deb', agent_id: '003' },
          { version: '1.0', format: 'deb', agent_id: '003' },
          { name: 'nano', version: '6.2-1', format: 'deb' },
          'junk',
          { iface: 'eth0', address: '10.0.0.1', agent_id: '003' },
        ],
        total_affected_items: 6,
        failed_items: [{ error: { code: 1701, message: 'Agent does not exist' }, id: ['099'] }],
      },
      message: 'Some syscollector information was not returned',
      error: 1,
    };
    const r = parseWazuhInventory(doc);
    expect(r.hosts[0]!.software!.map((s) => s.product)).toEqual(['curl']);
    expect(r.errors).toEqual([
      { line: 0, message: 'document: Wazuh reported error 1: Some syscollector information was not returned' },
      { line: 0, message: 'document: failed for 099: Agent does not exist' },
      { line: 2, message: 'item 2: "version" is object, not text' },
      { line: 3, message: 'item 3: missing package "name"' },
      { line: 4, message: 'item 4: missing "agent_id"' },
      { line: 5, message: 'item 5: not a JSON object' },
      { line: 6, message: 'item 6: a api-netaddr item among api-packages items' },
    ]);
  });

  it('numbers bad NDJSON lines by their line', () => {
    const good = readFixture('wazuh-indexer-packages-5x.ndjson').split('\n')[0]!;
    const r = parseWazuhInventory(`${good}\n\n${good.slice(0, 40)}\n{"package":{"name":"x"},"wazuh":{"agent":{}}}\n`);
    expect(r.hosts[0]!.software).toHaveLength(1);
    expect(r.errors.map((e) => [e.line, e.message.replace(/\(.*\)/, '(…)')])).toEqual([
      [3, 'line 3: not valid JSON (…)'],
      [4, 'line 4: missing "agent.id"'],
    ]);
  });
});
