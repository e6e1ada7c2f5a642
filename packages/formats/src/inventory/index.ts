export { hostIdentityKeys, usableMac, usableSerial, usableUuid } from './identity.js';
export { MAX_OSQUERY_LINE_CHARS, parseOsqueryLine, type OsqueryLineContext } from './osquery.js';
export { MAX_WAZUH_DOCUMENT_CHARS, parseWazuhInventory, type WazuhInventoryOptions } from './wazuh.js';
export { debianUpstreamVersion, purlForSoftware, type DistroHint } from './software.js';
export type {
  HostIdentity,
  HostInterface,
  HostObservation,
  HostOs,
  InventoryError,
  InventorySource,
  InventoryTable,
  ObservationMode,
  OsqueryLineResult,
  OsqueryTable,
  SoftwareFormat,
  SoftwareItem,
  SoftwareSource,
  WazuhInventoryResult,
  WazuhTable,
} from './types.js';
