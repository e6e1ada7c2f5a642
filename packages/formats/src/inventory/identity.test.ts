import { describe, expect, it } from 'vitest';
import { fixtureLines, readFixture } from './fixtures.test-support.js';
import { hostIdentityKeys, parseOsqueryLine, parseWazuhInventory, usableMac, usableSerial, usableUuid, type HostIdentity } from './index.js';

const osq = (over: Partial<HostIdentity>): HostIdentity => ({ source: 'osquery', macs: [], ...over });

describe('hostIdentityKeys', () => {
  it('orders keys strongest first: uuid, serial, agent id, hostname+MAC', () => {
    expect(
      hostIdentityKeys(
        osq({ uuid: '4c4c4544-0042-3510-8052-b4c04f4b4e32', serial: '5b2qkb3', hostIdentifier: 'KT-PC01', hostname: 'KT-PC01', macs: ['B0-7B-25-1E-4A-9C'] }),
      ),
    ).toEqual(['uuid:4C4C4544-0042-3510-8052-B4C04F4B4E32', 'serial:5B2QKB3', 'osquery:kt-pc01', 'host-mac:kt-pc01|b0:7b:25:1e:4a:9c']);
  });

  it('ignores placeholder uuids and serials that firmware ships', () => {
    for (const uuid of [
      '00000000-0000-0000-0000-000000000000',
      '03000200-0400-0500-0006-000700080009',
      'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      '{11111111-1111-1111-1111-111111111111}',
      'not-a-uuid',
    ]) {
      expect(usableUuid(uuid), uuid).toBeNull();
    }
    expect(usableUuid('{ec2b5a1e-77c4-4d5b-a1a2-9f0e1d2c3b4a}')).toBe('EC2B5A1E-77C4-4D5B-A1A2-9F0E1D2C3B4A');
    for (const serial of [
      'To be filled by O.E.M.',
      'TO BE FILLED BY O.E.M.',
      '0',
      '0000000000',
      'System Serial Number',
      'Default string',
      'None',
      'N/A',
      '  ',
      'XXXXXXXX',
    ]) {
      expect(usableSerial(serial), serial).toBeNull();
    }
    expect(usableSerial(' PF2ABCDE ')).toBe('PF2ABCDE');
    expect(hostIdentityKeys(osq({ uuid: '03000200-0400-0500-0006-000700080009', serial: 'To be filled by O.E.M.', hostIdentifier: 'MOTCUA-02' }))).toEqual([
      'osquery:motcua-02',
    ]);
  });

  it('scopes agent ids by source and, when set, by the source instance', () => {
    expect(hostIdentityKeys({ source: 'wazuh', agentId: '003', macs: [] })).toEqual(['wazuh-agent:003']);
    expect(hostIdentityKeys({ source: 'wazuh', agentId: '003', sourceInstance: 'Manager-2', macs: [] })).toEqual(['wazuh-agent:manager-2/003']);
    // an osquery identifier never turns into a wazuh key, or the reverse
    expect(hostIdentityKeys({ source: 'wazuh', hostIdentifier: 'x', macs: [] })).toEqual([]);
    expect(hostIdentityKeys(osq({ agentId: '003' }))).toEqual([]);
  });

  it('uses hostname+MAC only with a MAC that names one machine, and never a hostname alone', () => {
    expect(hostIdentityKeys({ source: 'wazuh', hostname: 'PC-01', macs: [] })).toEqual([]);
    expect(hostIdentityKeys({ source: 'wazuh', hostname: 'PC-01', macs: ['02:42:7f:3a:11:05', '00:50:56:8A:1B:2C'] })).toEqual([
      'host-mac:pc-01|00:50:56:8a:1b:2c',
    ]);
    expect(usableMac('00:00:00:00:00:00')).toBeNull();
    expect(usableMac('ff:ff:ff:ff:ff:ff')).toBeNull();
    expect(usableMac('01:00:5e:00:00:fb')).toBeNull(); // multicast
    expect(usableMac('0a:00:27:00:00:11')).toBeNull(); // locally administered
    expect(usableMac('B07B.251E.4A9C')).toBe('b0:7b:25:1e:4a:9c');
  });

  it('gives the same keys when the same host is imported again with other tables', () => {
    const lines = fixtureLines('osquery-results-windows.log');
    const keySets = lines.slice(0, 6).flatMap((l, i) => {
      const r = parseOsqueryLine(l, i + 1);
      return 'hosts' in r ? r.hosts.map((h) => hostIdentityKeys(h.identity)[0]) : [];
    });
    expect(new Set(keySets)).toEqual(new Set(['uuid:4C4C4544-0042-3510-8052-B4C04F4B4E32']));
    const wazuh = [
      'wazuh-api-packages-ubuntu.json',
      'wazuh-api-os.json',
      'wazuh-api-netaddr.json',
      'wazuh-indexer-packages-4x.json',
      'wazuh-api-agents.json',
    ].flatMap((f) =>
      parseWazuhInventory(readFixture(f))
        .hosts.filter((h) => h.identity.agentId === '003')
        .map((h) => hostIdentityKeys(h.identity).at(-1)),
    );
    expect(new Set(wazuh)).toEqual(new Set(['wazuh-agent:003']));
  });
});
