import type { HostIdentity } from './types.js';

/**
 * SMBIOS uuids that many machines share: unset fields, and the placeholder firmware vendors ship
 * (03000200-0400-0500-0006-000700080009 on many Gigabyte/AMI boards). Compared upper-case without braces.
 */
const BOGUS_UUIDS = new Set([
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '03000200-0400-0500-0006-000700080009',
  '00020003-0004-0005-0006-000700080009',
  '12345678-1234-5678-90AB-CDDEEFAABBCC',
  'NOT SETTABLE',
]);

/** Serials that firmware leaves as placeholders; compared upper-case with spaces and dots squeezed out. */
const BOGUS_SERIALS = new Set(
  [
    '0',
    '00000000',
    '0123456789',
    '1234567890',
    '123456789',
    'None',
    'N/A',
    'NA',
    'Not Available',
    'Not Applicable',
    'Not Specified',
    'Not Settable',
    'Default string',
    'To be filled by O.E.M.',
    'To Be Filled By O.E.M.',
    'System Serial Number',
    'Chassis Serial Number',
    'Base Board Serial Number',
    'SerialNumber',
    'Serial',
    'Unknown',
    'Invalid',
    'Empty',
    'OEM',
    'xxxxxxxxxxx',
  ].map(squeezeSerial),
);

function squeezeSerial(s: string): string {
  return s.toUpperCase().replace(/[\s.]+/g, '');
}

const UUID_SHAPE = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** The hardware uuid in canonical upper-case form, or null when absent, malformed or a known placeholder. */
export function usableUuid(uuid: string | undefined | null): string | null {
  if (!uuid) return null;
  const u = uuid
    .trim()
    .replace(/^\{|\}$/g, '')
    .toUpperCase();
  if (!UUID_SHAPE.test(u) || BOGUS_UUIDS.has(u)) return null;
  // all one hex digit (11111111-…) is a placeholder too
  if (/^([0-9A-F])\1{7}-\1{4}-\1{4}-\1{4}-\1{12}$/.test(u)) return null;
  return u;
}

/** The serial trimmed, or null when absent or a known placeholder ("To be filled by O.E.M.", "0", "System Serial Number" …). */
export function usableSerial(serial: string | undefined | null): string | null {
  if (!serial) return null;
  const s = serial.trim();
  if (s.length < 3 || s.length > 128) return null;
  const squeezed = squeezeSerial(s);
  if (BOGUS_SERIALS.has(squeezed) || /^0+$/.test(squeezed) || /^(.)\1+$/.test(squeezed)) return null;
  return s;
}

/** Locally administered, multicast and all-zero MACs do not name a machine. */
export function usableMac(mac: string | undefined | null): string | null {
  if (!mac) return null;
  const hex = mac
    .trim()
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '');
  if (hex.length !== 12 || /^0+$/.test(hex) || /^f+$/.test(hex)) return null;
  const first = parseInt(hex.slice(0, 2), 16);
  if ((first & 0b11) !== 0) return null; // multicast or locally administered (VPN, Docker, VM bridges)
  return hex.match(/../g)!.join(':');
}

/**
 * The keys that identify a host across re-imports, strongest first. The DB looks a host up by any
 * of them (first hit wins) and stores all of them, so a re-import updates the host instead of adding it.
 *
 * The rule:
 * 1. `uuid:<SMBIOS uuid>` — hardware uuid, unless absent, malformed or a known placeholder
 *    (all zeros, all F, 03000200-0400-0500-0006-000700080009 …). Survives re-installs and renames.
 * 2. `serial:<serial>` — hardware serial, unless a placeholder ("To be filled by O.E.M.", "0",
 *    "System Serial Number", "Default string" …).
 * 3. `osquery:<hostIdentifier>` / `wazuh-agent:<agent id>` — the agent's own id, scoped by source
 *    (and by `sourceInstance` when set: `wazuh-agent:<instance>/<id>`), since osquery's identifier is
 *    often just the hostname and Wazuh ids restart at 001 on every manager.
 * 4. `host-mac:<lowercase hostname>|<primary MAC>` — last resort, only when both exist; a hostname
 *    alone is too often reused (PC-01, KETOAN) to merge machines on.
 * Returns [] when nothing usable is known: the caller must then create a new host, not guess.
 */
export function hostIdentityKeys(identity: HostIdentity): string[] {
  const keys: string[] = [];
  const uuid = usableUuid(identity.uuid);
  if (uuid) keys.push(`uuid:${uuid}`);
  const serial = usableSerial(identity.serial);
  if (serial) keys.push(`serial:${serial.toUpperCase()}`);
  const scope = identity.sourceInstance?.trim() ? `${identity.sourceInstance.trim().toLowerCase()}/` : '';
  if (identity.source === 'osquery' && identity.hostIdentifier?.trim()) keys.push(`osquery:${scope}${identity.hostIdentifier.trim().toLowerCase()}`);
  if (identity.source === 'wazuh' && identity.agentId?.trim()) keys.push(`wazuh-agent:${scope}${identity.agentId.trim()}`);
  const hostname = identity.hostname?.trim().toLowerCase();
  const mac = identity.macs.map(usableMac).find((m) => m !== null);
  if (hostname && mac) keys.push(`host-mac:${hostname}|${mac}`);
  return keys;
}
