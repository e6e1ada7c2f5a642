// Every table of every module, for drizzle-kit (drizzle.config.ts) to diff against the migrations.
export { orgs, orgContacts, orgHistory } from './modules/orgs/orgs.tables.js';
export { users, grants, recoveryCodes, sessions, loginAttempts } from './modules/users/users.tables.js';
export { apiTokens } from './modules/tokens/tokens.tables.js';
export { auditLog, auditCheckpoints } from './platform/audit/audit.tables.js';
export { files } from './platform/files/files.tables.js';
export { directives, directiveSections, directiveTasks, directiveAttachments } from './modules/directives/directives.tables.js';
export { notifications, mailOutbox } from './modules/notifications/notifications.tables.js';
export {
  regulationChoices,
  infoSystems,
  systemClassifications,
  assets,
  assetIdentities,
  assetSystems,
  assetSoftware,
  ipRanges,
  inventoryImports,
} from './modules/inventory/inventory.tables.js';
export { documentImports } from './modules/directives/document-imports.tables.js';
export { workItems, workChecks, workEvidence, workEvents } from './modules/work/work.tables.js';
export { dutyRotations, dutyOverrides, dutyGapWarnings } from './modules/duty/duty.tables.js';
export { alerts, alertEvents, alertRules, alertPolicies, alertChannels, alertDeliveries, alertRejections } from './modules/alerts/alerts.tables.js';
export {
  incidents,
  incidentSystems,
  incidentAssets,
  incidentAlerts,
  incidentIndicators,
  incidentEvidence,
  incidentMembers,
  incidentTasks,
  incidentReports,
  incidentEvents,
  incidentCounters,
} from './modules/incidents/incidents.tables.js';
