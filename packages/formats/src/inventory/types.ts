/** Where an observation came from; host identifiers and agent ids are only unique within one source. */
export type InventorySource = 'osquery' | 'wazuh';

/** The osquery tables read, recognised by their columns. */
export type OsqueryTable =
  | 'programs'
  | 'deb_packages'
  | 'rpm_packages'
  | 'apps'
  | 'homebrew_packages'
  | 'chocolatey_packages'
  | 'python_packages'
  | 'npm_packages'
  | 'os_version'
  | 'interface_addresses'
  | 'interface_details'
  | 'system_info';

/** The Wazuh API endpoints (syscollector/{agent}/…, /agents) and indexer indices read. */
export type WazuhTable = 'wazuh_packages' | 'wazuh_os' | 'wazuh_hardware' | 'wazuh_netaddr' | 'wazuh_netiface' | 'wazuh_agents';

/** The table a row was read from. */
export type InventoryTable = OsqueryTable | WazuhTable;

export type SoftwareSource = Extract<
  InventoryTable,
  'programs' | 'deb_packages' | 'rpm_packages' | 'apps' | 'homebrew_packages' | 'chocolatey_packages' | 'python_packages' | 'npm_packages' | 'wazuh_packages'
>;

/** Package format, for choosing the version comparison and the purl type. */
export type SoftwareFormat = 'deb' | 'rpm' | 'win' | 'macos' | 'pypi' | 'npm' | 'brew' | 'choco' | 'other';

export interface HostIdentity {
  source: InventorySource;
  /**
   * Which osquery fleet / Wazuh manager this came from, when an importer reads several (Wazuh agent ids
   * restart at 001 on every manager). Parsers leave it unset; the import pipeline sets it for the whole file.
   */
  sourceInstance?: string;
  /** osquery --host_identifier value (hostname by default, or a uuid). */
  hostIdentifier?: string;
  /** Wazuh agent id ("001"). */
  agentId?: string;
  /** Hardware (SMBIOS) uuid, upper case as osquery reports it. */
  uuid?: string;
  hostname?: string;
  /** Hardware / board serial number. */
  serial?: string;
  /** Lower-case colon-separated MACs, primary (first physical) first, no duplicates. */
  macs: string[];
  /** Addresses the source reports for the host itself (Wazuh agent `ip`), normalised. */
  ips?: string[];
}

export interface HostOs {
  name: string;
  version: string;
  /** osquery `platform` (windows, ubuntu, rhel, darwin…), Wazuh `os.platform`. */
  platform: string;
  build?: string;
  arch?: string;
  codename?: string;
  major?: string;
  minor?: string;
  kernel?: string;
}

export interface HostInterface {
  name: string;
  /** Normalised IP; absent for rows that only carry a MAC (interface_details, Wazuh netiface). */
  address?: string;
  mask?: string;
  mac?: string;
}

export interface SoftwareItem {
  source: SoftwareSource;
  format: SoftwareFormat;
  vendor?: string;
  product: string;
  /**
   * The version as the package manager compares it: deb as dpkg shows it (epoch, upstream, revision:
   * 1:2.38.1-5+deb12u1); rpm as version-release with the epoch apart in `epoch`; '' when unknown.
   */
  version: string;
  /** rpm epoch, when not 0. */
  epoch?: string;
  arch?: string;
  installedAt?: Date | null;
  cpe?: string;
  purl?: string;
}

export type ObservationMode = 'snapshot' | 'added' | 'removed';

/**
 * What one log line or API document says about one host.
 * `mode: 'snapshot'` replaces what the same source said before about `table` on that host, unless
 * `partial` is set (a page of a larger API answer: add and update only, never delete).
 * `added` / `removed` are osquery differential rows.
 */
export interface HostObservation {
  identity: HostIdentity;
  observedAt: Date | null;
  mode: ObservationMode;
  /** The table the rows came from, so a snapshot of deb_packages does not wipe programs. */
  table: InventoryTable;
  /** osquery query name (pack_inventory_programs…); absent for Wazuh. */
  queryName?: string;
  partial?: boolean;
  os?: HostOs;
  interfaces?: HostInterface[];
  software?: SoftwareItem[];
}

export interface InventoryError {
  /** 1-based line number for line formats; for JSON documents, the 1-based item index (0 for the document). */
  line: number;
  message: string;
}

export type OsqueryLineResult = { hosts: HostObservation[]; warnings?: string[] } | { error: InventoryError };

export interface WazuhInventoryResult {
  hosts: HostObservation[];
  errors: InventoryError[];
  /** Which shape was recognised. */
  kind: 'api-packages' | 'api-os' | 'api-hardware' | 'api-netaddr' | 'api-netiface' | 'api-agents' | 'indexer-packages' | 'unknown';
}
