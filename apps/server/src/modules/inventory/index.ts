export * from './inventory.tables.js';
export { registerInventory } from './inventory.routes.js';
export { INVENTORY_IMPORT_JOB, interruptDeadImports, getImport, runImportNow, runQueuedImport, startImportFromPath } from './imports.service.js';
export { inventoryJobs, importAuditContext } from './inventory-jobs.js';
// the demo seed builds its sample inventory through the same services as the API
import { createSystem } from './systems.service.js';
import { advanceDossier, classifySystem } from './system-level.service.js';
import { createAsset } from './assets.service.js';
import { createIpRange } from './ipspace.service.js';
export const demoInventory = { createSystem, classifySystem, advanceDossier, createAsset, createIpRange };
export { systemWorkSource } from './system-work.js';
export { defaultPack, packInForce } from './packs.service.js';
