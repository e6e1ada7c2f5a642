import { parseIpAddress } from '../ip/address.js';
import { usableMac, usableSerial } from './identity.js';
import { finishSoftware, sourcePackageName, type DistroHint } from './software.js';
import type { HostObservation, HostOs, InventoryError, InventoryTable, SoftwareFormat, SoftwareItem, WazuhInventoryResult } from './types.js';
import { formatMac, hostOs, isObject, LOOPBACK, parseTime, text, truncate, wrongType, type Row } from './values.js';

/** Biggest document read: a full packages answer for a few hundred agents. */
export const MAX_WAZUH_DOCUMENT_CHARS = 256 * 1024 * 1024;

export interface WazuhInventoryOptions {
  /** Each agent's OS when already known (from /syscollector/{id}/os): gives deb/rpm purls their namespace and distro. */
  osByAgent?: Record<string, DistroHint>;
}

type ItemKind = 'api-packages' | 'api-os' | 'api-hardware' | 'api-netaddr' | 'api-netiface' | 'api-agents' | 'indexer-packages';

const TABLE_OF: Record<ItemKind, InventoryTable> = {
  'api-packages': 'wazuh_packages',
  'api-os': 'wazuh_os',
  'api-hardware': 'wazuh_hardware',
  'api-netaddr': 'wazuh_netaddr',
  'api-netiface': 'wazuh_netiface',
  'api-agents': 'wazuh_agents',
  'indexer-packages': 'wazuh_packages',
};

/** Which inventory an item is, by the fields the Wazuh 4.x API and the 4.8+/5.x indexer give it. */
function kindOf(item: Row): ItemKind | null {
  const src = isObject(item._source) ? item._source : item;
  if (isObject(src.package) && (isObject(src.agent) || (isObject(src.wazuh) && isObject(src.wazuh.agent)))) return 'indexer-packages';
  if ('iface' in item && 'address' in item) return 'api-netaddr';
  if ('board_serial' in item || isObject(item.cpu) || isObject(item.ram)) return 'api-hardware';
  if ('id' in item && ('lastKeepAlive' in item || 'status' in item || 'registerIP' in item || 'node_name' in item)) return 'api-agents';
  if (isObject(item.os) && ('hostname' in item || 'agent_id' in item || 'sysname' in item)) return 'api-os';
  if ('mac' in item && 'name' in item) return 'api-netiface';
  if ('name' in item && ('format' in item || 'architecture' in item || 'vendor' in item || 'version' in item)) return 'api-packages';
  return null;
}

const FORMATS: Record<string, SoftwareFormat> = { deb: 'deb', rpm: 'rpm', win: 'win', pkg: 'macos', macports: 'macos', pypi: 'pypi', npm: 'npm' };

function osFromWazuh(os: Row, arch?: string): HostOs {
  return hostOs(os, arch ?? text(os.arch));
}

/** A package as the API (`format`, `install_time`) and the indexer (`type`, `installed`) give it. */
function wazuhSoftware(
  f: { name: string; version: unknown; format: unknown; vendor: unknown; arch: unknown; installed: unknown; source: unknown },
  os: DistroHint | undefined,
): SoftwareItem {
  const format = FORMATS[text(f.format)?.toLowerCase() ?? ''] ?? 'other';
  let version = text(f.version) ?? '';
  let epoch: string | undefined;
  // rpm versions may come as epoch:version-release; deb versions keep their epoch (dpkg compares with it)
  const m = format === 'rpm' ? /^(\d+):(.*)$/.exec(version) : null;
  if (m) [epoch, version] = [m[1]!, m[2]!];
  const raw = { source: 'wazuh_packages' as const, format, product: f.name, version, epoch, vendor: text(f.vendor), arch: text(f.arch) };
  return finishSoftware({ ...raw, installedAt: parseTime(f.installed), sourceName: sourcePackageName(text(f.source), format) }, os);
}

class Collector {
  readonly hosts = new Map<string, HostObservation>();
  constructor(readonly partial: boolean) {}

  /** The observation for one agent and table, created on first use. */
  obs(agentId: string, table: InventoryTable, at: Date | null): HostObservation {
    const key = `${agentId}\u0000${table}`;
    let o = this.hosts.get(key);
    if (!o) {
      o = { identity: { source: 'wazuh', agentId, macs: [] }, observedAt: at, mode: 'snapshot', table };
      if (this.partial) o.partial = true;
      this.hosts.set(key, o);
    } else if (at && (!o.observedAt || at > o.observedAt)) {
      o.observedAt = at;
    }
    return o;
  }
}

/** Reads one item into the collector; returns a reason when it cannot. */
function readItem(item: Row, kind: ItemKind, c: Collector, opts: WazuhInventoryOptions): string | null {
  if (kind === 'indexer-packages') return readIndexerPackage(isObject(item._source) ? item._source : item, c, opts);
  const agentId = text(kind === 'api-agents' ? item.id : item.agent_id);
  if (!agentId) return `missing "${kind === 'api-agents' ? 'id' : 'agent_id'}"`;
  const at = isObject(item.scan) ? parseTime(item.scan.time) : null;
  switch (kind) {
    case 'api-packages': {
      const name = text(item.name);
      if (!name) return 'missing package "name"';
      if (wrongType(item.version)) return `"version" is ${typeof item.version}, not text`;
      const o = c.obs(agentId, 'wazuh_packages', at);
      const fields = {
        name,
        version: item.version,
        format: item.format,
        vendor: item.vendor,
        arch: item.architecture,
        installed: item.install_time,
        source: item.source,
      };
      (o.software ??= []).push(wazuhSoftware(fields, opts.osByAgent?.[agentId]));
      return null;
    }
    case 'api-os': {
      if (!isObject(item.os)) return '"os" is not an object';
      const o = c.obs(agentId, 'wazuh_os', at);
      o.os = osFromWazuh(item.os, text(item.architecture));
      const kernel = text(item.release);
      if (kernel) o.os.kernel = kernel;
      const hostname = text(item.hostname);
      if (hostname) o.identity.hostname = hostname;
      return null;
    }
    case 'api-hardware': {
      const o = c.obs(agentId, 'wazuh_hardware', at);
      const serial = usableSerial(text(item.board_serial));
      if (serial) o.identity.serial = serial;
      return null;
    }
    case 'api-netaddr': {
      const name = text(item.iface);
      if (!name) return 'missing "iface"';
      const o = c.obs(agentId, 'wazuh_netaddr', at);
      o.interfaces ??= [];
      const ip = parseIpAddress(text(item.address) ?? '');
      if (!ip.ok) return `address: ${ip.reason}`;
      if (LOOPBACK.test(ip.ip.address)) return null;
      const mask = text(item.netmask);
      o.interfaces.push(mask ? { name, address: ip.ip.address, mask } : { name, address: ip.ip.address });
      return null;
    }
    case 'api-netiface': {
      const name = text(item.name);
      if (!name) return 'missing interface "name"';
      const o = c.obs(agentId, 'wazuh_netiface', at);
      o.interfaces ??= [];
      const mac = formatMac(text(item.mac));
      if (!mac) {
        o.interfaces.push({ name });
        return null;
      }
      o.interfaces.push({ name, mac });
      const usable = usableMac(mac);
      if (usable && !o.identity.macs.includes(usable)) o.identity.macs.push(usable);
      return null;
    }
    case 'api-agents': {
      // the manager's own entry (000) reports lastKeepAlive 9999-12-31, which parseTime rejects
      const o = c.obs(agentId, 'wazuh_agents', parseTime(item.lastKeepAlive));
      // the agent name defaults to the hostname at enrolment
      const name = text(item.name);
      if (name) o.identity.hostname = name;
      const ip = parseIpAddress(text(item.ip) ?? '');
      if (ip.ok && !LOOPBACK.test(ip.ip.address)) o.identity.ips = [ip.ip.address];
      if (isObject(item.os)) o.os = osFromWazuh(item.os);
      return null;
    }
  }
  return null;
}

function readIndexerPackage(src: Row, c: Collector, opts: WazuhInventoryOptions): string | null {
  // 4.8–4.x: top-level `agent`; 5.x (Wazuh Common Schema): `wazuh.agent`
  const agent = isObject(src.agent) ? src.agent : isObject(src.wazuh) && isObject(src.wazuh.agent) ? src.wazuh.agent : null;
  const pkg = src.package;
  if (!agent || !isObject(pkg)) return 'missing "agent" or "package"';
  const agentId = text(agent.id);
  if (!agentId) return 'missing "agent.id"';
  const name = text(pkg.name);
  if (!name) return 'missing "package.name"';
  if (wrongType(pkg.version)) return `"package.version" is ${typeof pkg.version}, not text`;
  const at = parseTime(src['@timestamp']) ?? (isObject(src.state) ? parseTime(src.state.modified_at) : null) ?? parseTime(src.timestamp);
  const o = c.obs(agentId, 'wazuh_packages', at);
  const host = isObject(agent.host) ? agent.host : {};
  const hostname = text(host.hostname) ?? text(agent.name);
  if (hostname && !o.identity.hostname) o.identity.hostname = hostname;
  const ips = (Array.isArray(host.ip) ? host.ip : [host.ip])
    .map((v) => parseIpAddress(text(v) ?? ''))
    .flatMap((r) => (r.ok && !LOOPBACK.test(r.ip.address) ? [r.ip.address] : []));
  if (ips.length > 0 && !o.identity.ips) o.identity.ips = ips;
  if (!o.os && isObject(host.os)) o.os = osFromWazuh(host.os, text(host.architecture));
  const fields = { name, version: pkg.version, format: pkg.type, vendor: pkg.vendor, arch: pkg.architecture, installed: pkg.installed, source: pkg.source };
  (o.software ??= []).push(wazuhSoftware(fields, opts.osByAgent?.[agentId] ?? o.os));
  return null;
}

interface Located {
  items: unknown[];
  /** How to name item i in an error ("item 3", "hit 3", "line 7"), and the number that goes in InventoryError.line. */
  where: (i: number) => string;
  lineOf: (i: number) => number;
  partial: boolean;
  errors: InventoryError[];
}

const byIndex = (i: number): number => i + 1;

/** Finds the items in any of the accepted document shapes. */
function locate(doc: unknown): Located | string {
  const errors: InventoryError[] = [];
  if (Array.isArray(doc)) return { items: doc, where: (i) => `item ${i + 1}`, lineOf: byIndex, partial: true, errors };
  if (!isObject(doc)) return 'not a JSON object or array';
  if (isObject(doc.data) && Array.isArray(doc.data.affected_items)) {
    const data = doc.data;
    const items = data.affected_items as unknown[];
    const total = typeof data.total_affected_items === 'number' ? data.total_affected_items : items.length;
    if (typeof doc.error === 'number' && doc.error !== 0) {
      errors.push({ line: 0, message: `document: Wazuh reported error ${doc.error}: ${truncate(text(doc.message) ?? '')}` });
    }
    if (Array.isArray(data.failed_items)) {
      for (const f of data.failed_items.slice(0, 100)) {
        const err = isObject(f) && isObject(f.error) ? text(f.error.message) : undefined;
        const ids = isObject(f) && Array.isArray(f.id) ? f.id.join(', ') : '';
        errors.push({ line: 0, message: `document: failed for ${truncate(ids)}: ${truncate(err ?? 'unknown error')}` });
      }
    }
    return { items, where: (i) => `item ${i + 1}`, lineOf: byIndex, partial: total > items.length, errors };
  }
  if (isObject(doc.hits) && Array.isArray(doc.hits.hits)) {
    const items = doc.hits.hits as unknown[];
    const t = doc.hits.total;
    const total = typeof t === 'number' ? t : isObject(t) && typeof t.value === 'number' ? t.value : items.length;
    const moreThan = isObject(t) && t.relation === 'gte';
    return { items, where: (i) => `hit ${i + 1}`, lineOf: byIndex, partial: moreThan || total > items.length, errors };
  }
  if (isObject(doc._source) || isObject(doc.package)) return { items: [doc], where: () => 'document', lineOf: byIndex, partial: true, errors };
  if (typeof doc.error === 'number' && doc.error !== 0) return `Wazuh reported error ${doc.error}: ${truncate(text(doc.message) ?? text(doc.title) ?? '')}`;
  return 'not a Wazuh API answer (data.affected_items), an indexer search (hits.hits) or indexer documents';
}

/** Splits NDJSON (one indexer document a line); null when the text is not NDJSON. */
function parseNdjson(s: string): { docs: { line: number; doc: unknown }[]; errors: InventoryError[] } | null {
  const lines = s.split(/\r?\n/);
  const docs: { line: number; doc: unknown }[] = [];
  const errors: InventoryError[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '') continue;
    try {
      docs.push({ line: i + 1, doc: JSON.parse(l) });
    } catch (e) {
      // a pretty-printed document broken mid-way is one bad document, not a hundred bad lines
      if (docs.length === 0) return null;
      errors.push({ line: i + 1, message: `line ${i + 1}: not valid JSON (${truncate((e as Error).message)})` });
    }
  }
  return docs.length > 1 || errors.length > 0 ? { docs, errors } : null;
}

/**
 * Reads Wazuh inventory: a Wazuh 4.x server API answer (GET /syscollector/{agent}/packages|os|hardware|
 * netaddr|netiface, GET /agents), an indexer search answer or documents from
 * wazuh-states-inventory-packages-* (4.8+ `agent.*`, 5.x `wazuh.agent.*`), as text (JSON or NDJSON)
 * or parsed JSON. The shape is detected. Never throws.
 *
 * One HostObservation per agent and table, mode 'snapshot'. `partial` is set when the answer is a page
 * of a larger one (total_affected_items / hits.total above the items given) or when completeness cannot
 * be known (bare document arrays, NDJSON): the importer must not delete what a partial answer lacks.
 * An API answer filtered with search/q looks complete but is not: import unfiltered answers only.
 */
export function parseWazuhInventory(input: string | unknown, opts: WazuhInventoryOptions = {}): WazuhInventoryResult {
  let located: Located | string;
  const errors: InventoryError[] = [];
  if (typeof input === 'string') {
    if (input.length > MAX_WAZUH_DOCUMENT_CHARS)
      return { hosts: [], errors: [{ line: 0, message: `document: longer than ${MAX_WAZUH_DOCUMENT_CHARS} characters` }], kind: 'unknown' };
    let doc: unknown;
    try {
      doc = JSON.parse(input);
      located = locate(doc);
    } catch (e) {
      const nd = parseNdjson(input);
      if (!nd) return { hosts: [], errors: [{ line: 0, message: `document: not valid JSON (${truncate((e as Error).message)})` }], kind: 'unknown' };
      errors.push(...nd.errors);
      // each NDJSON line is one indexer document or hit
      const lineOf = nd.docs.map((d) => d.line);
      located = { items: nd.docs.map((d) => d.doc), where: (i) => `line ${lineOf[i]}`, lineOf: (i) => lineOf[i]!, partial: true, errors: [] };
    }
  } else {
    located = locate(input);
  }
  if (typeof located === 'string') return { hosts: [], errors: [{ line: 0, message: `document: ${located}` }], kind: 'unknown' };
  errors.push(...located.errors);

  const collector = new Collector(located.partial);
  let kind: ItemKind | null = null;
  located.items.forEach((item, i) => {
    const fail = (reason: string): void => void errors.push({ line: located.lineOf(i), message: `${located.where(i)}: ${reason}` });
    if (!isObject(item)) return fail('not a JSON object');
    // an item too damaged to recognise is read as the document's kind, to say what it lacks
    const k = kindOf(item) ?? kind;
    if (k === null) return fail('not a recognised Wazuh inventory item');
    kind ??= k;
    if (TABLE_OF[k] !== TABLE_OF[kind]) return fail(`a ${k} item among ${kind} items`);
    const problem = readItem(item, k, collector, opts);
    if (problem) fail(problem);
  });
  return { hosts: [...collector.hosts.values()], errors, kind: kind ?? 'unknown' };
}
