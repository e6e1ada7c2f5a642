import { parseIpAddress } from '../ip/address.js';
import { finishSoftware, sourcePackageName, type DistroHint, type RawSoftware } from './software.js';
import type { HostInterface, HostOs, OsqueryTable, SoftwareItem } from './types.js';
import { formatMac, hostOs, LOOPBACK, parseTime, text, wrongType, type Row } from './values.js';

interface TableSpec {
  table: OsqueryTable;
  /** Columns a row must have; the first must also be non-empty (a program may lack a version, never a name). */
  required: string[];
  /** At least one of these marks the table apart from look-alikes (empty: `required` suffices). */
  distinctive: string[];
}

// Ordered: the first spec whose columns fit wins. Column sets are from the osquery table specs
// (specs/windows/programs.table, specs/linux/deb_packages.table, …); queries may select a subset.
const SPECS: TableSpec[] = [
  {
    table: 'programs',
    required: ['name', 'version'],
    distinctive: ['publisher', 'identifying_number', 'uninstall_string', 'install_location', 'install_source'],
  },
  { table: 'rpm_packages', required: ['name', 'version'], distinctive: ['release', 'sha1', 'package_group'] },
  { table: 'deb_packages', required: ['name', 'version'], distinctive: ['maintainer', 'revision', 'admindir', 'priority'] },
  { table: 'apps', required: ['name'], distinctive: ['bundle_identifier', 'bundle_short_version', 'bundle_executable'] },
  { table: 'npm_packages', required: ['name', 'version'], distinctive: ['homepage'] },
  { table: 'python_packages', required: ['name', 'version'], distinctive: ['directory'] },
  { table: 'chocolatey_packages', required: ['name', 'version'], distinctive: ['summary'] },
  { table: 'os_version', required: ['name', 'version', 'platform'], distinctive: ['major', 'minor', 'build', 'codename', 'platform_like'] },
  { table: 'interface_addresses', required: ['interface', 'address'], distinctive: [] },
  { table: 'interface_details', required: ['interface', 'mac'], distinctive: [] },
  { table: 'system_info', required: ['hostname'], distinctive: ['uuid', 'hardware_serial', 'computer_name', 'cpu_brand'] },
];

/** Fallback by query name when the columns are too few to tell (SELECT name, version FROM deb_packages). */
const NAME_HINTS: [RegExp, OsqueryTable][] = [
  [/programs/i, 'programs'],
  [/deb_?packages|\bdeb\b|dpkg/i, 'deb_packages'],
  [/rpm_?packages|\brpm\b/i, 'rpm_packages'],
  [/homebrew/i, 'homebrew_packages'],
  [/chocolatey/i, 'chocolatey_packages'],
  [/python/i, 'python_packages'],
  [/npm/i, 'npm_packages'],
  [/(^|_)apps$/i, 'apps'],
  [/os_version/i, 'os_version'],
  [/interface_addresses/i, 'interface_addresses'],
  [/interface_details/i, 'interface_details'],
  [/system_info/i, 'system_info'],
];

export function specFor(table: OsqueryTable): TableSpec {
  return SPECS.find((s) => s.table === table) ?? { table, required: ['name', 'version'], distinctive: [] };
}

/** Recognises the table by the columns of a row, falling back to the query name. */
export function detectTable(columns: readonly string[], queryName: string): OsqueryTable | null {
  const has = new Set(columns);
  for (const spec of SPECS) {
    if (spec.required.every((c) => has.has(c)) && (spec.distinctive.length === 0 || spec.distinctive.some((c) => has.has(c)))) return spec.table;
  }
  for (const [re, table] of NAME_HINTS) if (re.test(queryName)) return table;
  return null;
}

/** Why a row cannot be read as `table`, or null when it can. */
export function rowProblem(row: Row, table: OsqueryTable): string | null {
  for (const k in row) {
    const v = row[k];
    if (wrongType(v)) return `column "${k}" is ${Array.isArray(v) ? 'an array' : typeof v}, not text`;
  }
  const required = specFor(table).required;
  for (const c of required) if (row[c] === undefined || row[c] === null) return `missing column "${c}"`;
  if (text(row[required[0]!]) === undefined) return `empty column "${required[0]}"`;
  return null;
}

export function softwareFromRow(row: Row, table: OsqueryTable, os?: DistroHint): SoftwareItem | null {
  const name = text(row.name);
  if (!name) return null;
  let raw: RawSoftware;
  switch (table) {
    case 'programs':
      raw = {
        source: 'programs',
        format: 'win',
        product: name,
        version: text(row.version) ?? '',
        vendor: text(row.publisher),
        installedAt: parseTime(row.install_date),
      };
      break;
    case 'deb_packages':
      raw = {
        source: 'deb_packages',
        format: 'deb',
        product: name,
        version: text(row.version) ?? '',
        vendor: text(row.maintainer),
        arch: text(row.arch),
        sourceName: sourcePackageName(text(row.source), 'deb'),
      };
      break;
    case 'rpm_packages': {
      const version = text(row.version) ?? '';
      const release = text(row.release);
      raw = {
        source: 'rpm_packages',
        format: 'rpm',
        product: name,
        version: release ? `${version}-${release}` : version,
        vendor: text(row.vendor),
        arch: text(row.arch),
        epoch: text(row.epoch),
        installedAt: parseTime(row.install_time),
        sourceName: sourcePackageName(text(row.source), 'rpm'),
      };
      break;
    }
    case 'apps':
      raw = {
        source: 'apps',
        format: 'macos',
        product: (text(row.bundle_name) ?? name).replace(/\.app$/i, ''),
        version: text(row.bundle_short_version) ?? text(row.bundle_version) ?? '',
      };
      break;
    case 'homebrew_packages':
      raw = { source: 'homebrew_packages', format: 'brew', product: name, version: text(row.version) ?? '' };
      break;
    case 'chocolatey_packages':
      raw = { source: 'chocolatey_packages', format: 'choco', product: name, version: text(row.version) ?? '', vendor: text(row.author) };
      break;
    case 'python_packages':
      raw = { source: 'python_packages', format: 'pypi', product: name, version: text(row.version) ?? '', vendor: text(row.author) };
      break;
    case 'npm_packages':
      raw = { source: 'npm_packages', format: 'npm', product: name, version: text(row.version) ?? '', vendor: text(row.author) };
      break;
    default:
      return null;
  }
  return finishSoftware(raw, os);
}

export function osFromRow(row: Row): HostOs {
  return hostOs(row, text(row.arch));
}

/** An interface_addresses row; null for loopback and addresses that do not parse. */
export function interfaceFromAddressRow(row: Row): HostInterface | null {
  const name = text(row.interface);
  const parsed = parseIpAddress(text(row.address) ?? '');
  if (!name || !parsed.ok || LOOPBACK.test(parsed.ip.address)) return null;
  const iface: HostInterface = { name, address: parsed.ip.address };
  const mask = text(row.mask);
  if (mask) iface.mask = mask;
  return iface;
}

/** An interface_details row: its name and MAC; null without a MAC. */
export function interfaceFromDetailsRow(row: Row): HostInterface | null {
  const name = text(row.interface);
  const mac = formatMac(text(row.mac));
  return name && mac ? { name, mac } : null;
}
