import { usableMac, usableSerial, usableUuid } from './identity.js';
import { detectTable, interfaceFromAddressRow, interfaceFromDetailsRow, osFromRow, rowProblem, softwareFromRow } from './osquery-tables.js';
import type { DistroHint } from './software.js';
import type { HostIdentity, HostInterface, HostObservation, ObservationMode, OsqueryLineResult, OsqueryTable, SoftwareItem } from './types.js';
import { describeValue, isObject, parseCalendarTime, text, truncate, wrongType, type Row } from './values.js';

/** Longest line read (8 Mi characters): a full programs snapshot of a busy workstation is well under 1 MB. */
export const MAX_OSQUERY_LINE_CHARS = 8 * 1024 * 1024;

export interface OsqueryLineContext {
  /** The host's OS, when the importer has already seen its os_version: gives deb/rpm purls their namespace and distro. */
  os?: DistroHint;
}

function fail(line: number, message: string): OsqueryLineResult {
  return { error: { line, message: `line ${line}: ${message}` } };
}

function observedAt(doc: Row): Date | null | string {
  const u = doc.unixTime;
  if (u !== undefined) {
    const n = typeof u === 'number' ? u : typeof u === 'string' && /^\d+$/.test(u.trim()) ? Number(u) : NaN;
    if (!Number.isFinite(n)) return `unixTime ${describeValue(u)} is not a number`;
    if (!(n > 0)) return null;
    // a time past what a Date can hold (a garbled counter) is unknown, not an error of the whole line
    const at = new Date(n * 1000);
    return Number.isFinite(at.getTime()) ? at : null;
  }
  return parseCalendarTime(doc.calendarTime);
}

function identityOf(doc: Row): HostIdentity {
  const identity: HostIdentity = { source: 'osquery', macs: [] };
  // hostIdentifier since osquery 1.7; the older event format wrote "hostname"
  const hostIdentifier = text(doc.hostIdentifier) ?? text(doc.hostname);
  if (hostIdentifier) identity.hostIdentifier = hostIdentifier;
  const deco = isObject(doc.decorations) ? doc.decorations : {};
  // placeholders (all-zero uuids, "To be filled by O.E.M.") are dropped here, not only in hostIdentityKeys
  const uuid = usableUuid(text(deco.host_uuid) ?? text(deco.uuid) ?? text(deco.hardware_uuid));
  if (uuid) identity.uuid = uuid;
  const hostname = text(deco.hostname) ?? text(deco.computer_name) ?? text(doc.hostname);
  if (hostname) identity.hostname = hostname;
  const serial = usableSerial(text(deco.hardware_serial) ?? text(deco.serial));
  if (serial) identity.serial = serial;
  const mac = usableMac(text(deco.mac) ?? text(deco.primary_mac));
  if (mac) identity.macs.push(mac);
  return identity;
}

interface RowSet {
  mode: ObservationMode;
  rows: unknown[];
}

/** The row sets of a line in any of the three result formats, or why there are none. */
function rowSets(doc: Row): RowSet[] | string {
  if (doc.snapshot !== undefined) {
    if (!Array.isArray(doc.snapshot)) return '"snapshot" is not an array';
    if (doc.action !== undefined && doc.action !== 'snapshot') return `"action" is ${describeValue(doc.action)} on a snapshot line`;
    return [{ mode: 'snapshot', rows: doc.snapshot }];
  }
  if (doc.diffResults !== undefined) {
    const diff = doc.diffResults;
    if (!isObject(diff)) return '"diffResults" is not an object';
    const sets: RowSet[] = [];
    for (const mode of ['added', 'removed'] as const) {
      const rows = diff[mode];
      if (rows === undefined || rows === null) continue;
      if (!Array.isArray(rows)) return `"diffResults.${mode}" is not an array`;
      // an empty added or removed list says nothing (unlike an empty snapshot: everything gone)
      if (rows.length > 0) sets.push({ mode, rows });
    }
    return sets;
  }
  if (doc.columns !== undefined) {
    if (!isObject(doc.columns)) return '"columns" is not an object';
    if (doc.action !== 'added' && doc.action !== 'removed') return `"action" must be "added" or "removed" with "columns", found ${describeValue(doc.action)}`;
    return [{ mode: doc.action, rows: [doc.columns] }];
  }
  return 'no "snapshot", "diffResults" or "columns": not an osquery result line';
}

function addMac(identity: HostIdentity, mac: string | undefined): void {
  const m = usableMac(mac);
  if (m && !identity.macs.includes(m)) identity.macs.push(m);
}

/**
 * Reads one line of osqueryd.results.log (or osqueryd.snapshots.log): snapshot, batched
 * (`diffResults`) or event (`columns`) format. Never throws.
 *
 * Inventory queries are recognised by their columns, falling back to the query name, so pack queries
 * (`pack_inventory_programs`, `deb_packages`, …) need no configuration. Lines of other queries
 * (processes, users …) give no hosts and one warning. A blank line gives no hosts.
 * Rows that cannot be read (missing or wrongly typed columns) are skipped with a warning naming them;
 * when no row of the line can be read, the line is an error.
 */
export function parseOsqueryLine(line: string, lineNo: number, context: OsqueryLineContext = {}): OsqueryLineResult {
  if (typeof line !== 'string') return fail(lineNo, 'not text');
  if (line.length > MAX_OSQUERY_LINE_CHARS) return fail(lineNo, `longer than ${MAX_OSQUERY_LINE_CHARS} characters`);
  const trimmed = line.trim();
  if (trimmed === '') return { hosts: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch (e) {
    return fail(lineNo, `not valid JSON (${truncate((e as Error).message)})`);
  }
  if (!isObject(doc)) return fail(lineNo, 'not a JSON object');
  if (wrongType(doc.name) || text(doc.name) === undefined) return fail(lineNo, 'missing query "name"');
  const queryName = text(doc.name)!;
  const at = observedAt(doc);
  if (typeof at === 'string') return fail(lineNo, at);
  const sets = rowSets(doc);
  if (typeof sets === 'string') return fail(lineNo, sets);

  const firstRow = sets.flatMap((s) => s.rows).find(isObject);
  const table = detectTable(firstRow ? Object.keys(firstRow) : [], queryName);
  if (table === null) return { hosts: [], warnings: [`line ${lineNo}: query "${truncate(queryName)}" is not an inventory table; ignored`] };

  const warnings: string[] = [];
  const hosts: HostObservation[] = [];
  let readable = 0;
  let total = 0;
  for (const set of sets) {
    const obs: HostObservation = { identity: identityOf(doc), observedAt: at, mode: set.mode, table, queryName };
    const software: SoftwareItem[] = [];
    const interfaces: HostInterface[] = [];
    set.rows.forEach((row, i) => {
      total++;
      const problem = isObject(row) ? rowProblem(row, table) : 'not an object';
      if (problem) {
        warnings.push(`line ${lineNo}: ${set.mode} row ${i + 1}: ${problem}; skipped`);
        return;
      }
      readable++;
      applyRow(obs, row as Row, table, software, interfaces, context.os);
    });
    if (software.length > 0 || isSoftwareTable(table)) obs.software = software;
    if (interfaces.length > 0 || table === 'interface_addresses' || table === 'interface_details') obs.interfaces = interfaces;
    hosts.push(obs);
  }
  if (total > 0 && readable === 0) return fail(lineNo, `no readable row in query "${truncate(queryName)}" (${warnings[0]?.replace(/^line \d+: /, '') ?? ''})`);
  return warnings.length > 0 ? { hosts, warnings } : { hosts };
}

function isSoftwareTable(table: OsqueryTable): boolean {
  return !['os_version', 'interface_addresses', 'interface_details', 'system_info'].includes(table);
}

function applyRow(
  obs: HostObservation,
  row: Row,
  table: OsqueryTable,
  software: SoftwareItem[],
  interfaces: HostInterface[],
  os: DistroHint | undefined,
): void {
  switch (table) {
    case 'os_version':
      obs.os ??= osFromRow(row);
      return;
    case 'interface_addresses': {
      const iface = interfaceFromAddressRow(row);
      if (iface) interfaces.push(iface);
      return;
    }
    case 'interface_details': {
      const iface = interfaceFromDetailsRow(row);
      if (iface) {
        interfaces.push(iface);
        addMac(obs.identity, iface.mac);
      }
      return;
    }
    case 'system_info': {
      const uuid = usableUuid(text(row.uuid));
      if (uuid && !obs.identity.uuid) obs.identity.uuid = uuid;
      const serial = usableSerial(text(row.hardware_serial));
      if (serial && !obs.identity.serial) obs.identity.serial = serial;
      const hostname = text(row.hostname) ?? text(row.computer_name);
      // a removed row carries the old name
      if (hostname && !obs.identity.hostname && obs.mode !== 'removed') obs.identity.hostname = hostname;
      return;
    }
    default: {
      // an os_version on the same line is never there; the importer passes the host's OS in `context`
      const item = softwareFromRow(row, table, os);
      if (item) software.push(item);
    }
  }
}
