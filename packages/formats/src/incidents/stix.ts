import { createHash } from 'node:crypto';

/**
 * An incident case as a STIX 2.1 bundle for the national level: the reporting org as an identity,
 * the incident, one indicator per indicator of the case with its STIX pattern, and an "indicates"
 * relationship from each indicator to the incident, every object marked TLP 2.0.
 *
 * Sources (oasis-open/cti-stix-common-objects, extension-definition-specifications/):
 * - TLP 2.0 marking definitions, tlp-2.0/marking-definition.json and examples/: fixed ids, each carrying
 *   the property extension extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.
 * - Incident Core extension, incident-core/extension-definition--ef765651-680c-498d-9894-99799f2fa126.json.
 *   The extension is still a draft whose vocabularies changed between versions, so only the properties
 *   every version has are filled (determination "suspected", investigation_status open/closed);
 *   severity, category and status also ride as labels and x_khien_* properties.
 *
 * Ids are UUIDv5 of our own ids, so exporting the same case twice gives the same objects.
 * node:crypto, as alerts/build.ts already uses: this runs on the server.
 */
export interface StixIncidentInput {
  incident: {
    id: string;
    code: string;
    title: string;
    description: string;
    severity: string;
    category: string;
    status: string;
    detectedAt: Date;
    createdAt: Date;
    modifiedAt: Date;
  };
  org: { id: string; name: string };
  indicators: readonly { id: string; type: string; value: string; note: string | null; addedAt: Date }[];
  /** the report asks for confidentiality: TLP:AMBER, else TLP:GREEN */
  confidential: boolean;
}

export type StixObject = Record<string, unknown> & { type: string; id: string; spec_version: '2.1' };
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const INCIDENT_CORE_EXTENSION_ID = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';
export const TLP2_MARKINGS = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
} as const;

/** The TLP 2.0 marking definition as OASIS publishes it. */
function tlpMarking(level: keyof typeof TLP2_MARKINGS): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKINGS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

// the namespace of Khiên's STIX ids (UUIDv5, RFC 4122 §4.3); changing it changes every exported id
const NAMESPACE = Buffer.from('5f0e8a8e2c1b4d7a9d3e6b1c2a4f8e10', 'hex');

/** UUID version 5 (SHA-1, RFC 4122 §4.3) of `name` in `namespace` (16 bytes). */
export function uuidV5(name: string, namespace: Uint8Array = NAMESPACE): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const stixId = (type: string, ours: string) => `${type}--${uuidV5(`${type}:${ours}`)}`;
/** STIX timestamps: UTC with milliseconds. */
const ts = (d: Date) => d.toISOString();

/** A pattern string literal: backslash and quote escaped (STIX Patterning, constants). */
export function patternString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The STIX pattern of one indicator of ours; null for a type STIX has no observable for. */
export function stixPattern(type: string, value: string): string | null {
  const v = patternString(value);
  switch (type) {
    case 'ipv4':
      return `[ipv4-addr:value = ${v}]`;
    case 'ipv6':
      return `[ipv6-addr:value = ${v}]`;
    case 'cidr':
      // ipv4-addr and ipv6-addr values may be CIDR blocks (STIX 2.1 §6.4.1, §6.5.1)
      return value.includes(':') ? `[ipv6-addr:value = ${v}]` : `[ipv4-addr:value = ${v}]`;
    case 'domain':
      return `[domain-name:value = ${v}]`;
    case 'url':
      return `[url:value = ${v}]`;
    case 'email':
      return `[email-addr:value = ${v}]`;
    case 'md5':
      return `[file:hashes.MD5 = ${v}]`;
    case 'sha1':
      return `[file:hashes.'SHA-1' = ${v}]`;
    case 'sha256':
      return `[file:hashes.'SHA-256' = ${v}]`;
    case 'file_name':
      return `[file:name = ${v}]`;
    default:
      return null;
  }
}

const CLOSED = new Set(['closed', 'merged']);

export function incidentStixBundle(input: StixIncidentInput): StixBundle {
  const level = input.confidential ? 'amber' : 'green';
  const marks = [TLP2_MARKINGS[level]];
  const identity = stixId('identity', input.org.id);
  const incident = stixId('incident', input.incident.id);
  const created = ts(input.incident.createdAt);
  // modified must not precede created (STIX 2.1 §3.2)
  const modified = ts(input.incident.modifiedAt < input.incident.createdAt ? input.incident.createdAt : input.incident.modifiedAt);
  const objects: StixObject[] = [
    tlpMarking(level),
    {
      type: 'identity',
      spec_version: '2.1',
      id: identity,
      created,
      modified: created,
      name: input.org.name,
      identity_class: 'organization',
      object_marking_refs: marks,
    },
    {
      type: 'incident',
      spec_version: '2.1',
      id: incident,
      created,
      modified,
      created_by_ref: identity,
      name: `${input.incident.code}: ${input.incident.title}`,
      description: input.incident.description,
      labels: [`severity:${input.incident.severity}`, `category:${input.incident.category}`, `status:${input.incident.status}`],
      external_references: [{ source_name: 'khien', external_id: input.incident.code }],
      extensions: {
        [INCIDENT_CORE_EXTENSION_ID]: {
          extension_type: 'property-extension',
          determination: 'suspected',
          investigation_status: CLOSED.has(input.incident.status) ? 'closed' : 'open',
        },
      },
      x_khien_detected_at: ts(input.incident.detectedAt),
      x_khien_severity: input.incident.severity,
      x_khien_category: input.incident.category,
      x_khien_status: input.incident.status,
      object_marking_refs: marks,
    },
  ];
  for (const x of input.indicators) {
    const pattern = stixPattern(x.type, x.value);
    if (!pattern) continue;
    const id = stixId('indicator', x.id);
    const at = ts(x.addedAt);
    objects.push({
      type: 'indicator',
      spec_version: '2.1',
      id,
      created: at,
      modified: at,
      created_by_ref: identity,
      name: x.value,
      ...(x.note ? { description: x.note } : {}),
      indicator_types: ['malicious-activity'],
      pattern,
      pattern_type: 'stix',
      valid_from: at,
      object_marking_refs: marks,
    });
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: stixId('relationship', `${x.id}:indicates:${input.incident.id}`),
      created: at,
      modified: at,
      created_by_ref: identity,
      relationship_type: 'indicates',
      source_ref: id,
      target_ref: incident,
      object_marking_refs: marks,
    });
  }
  return { type: 'bundle', id: stixId('bundle', `${input.incident.id}:${modified}:${level}`), objects };
}
