export * from './inventory.tables.js';
export { registerInventory } from './inventory.routes.js';
export { ImportRunner, failStaleImports, getImport, runImportNow, runNextImport, startImportFromPath } from './imports.service.js';
export { inventoryJobs, importAuditContext } from './inventory-jobs.js';
