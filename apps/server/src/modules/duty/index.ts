export { dutyRotations, dutyOverrides, dutyGapWarnings } from './duty.tables.js';
export { registerDuty } from './duty.routes.js';
export { findOnDutyNow, type OnDuty } from './duty-now.js';
export { dutyJobs, warnCoverageGaps } from './duty-jobs.js';
export { dutyNotifications } from './duty-notifications.js';
// the demo seed builds its sample rosters through the same services as the API
import { createOverride, createRotation } from './duty.service.js';
export const demoDuty = { createRotation, createOverride };
