export { dutyRotations, dutyOverrides, dutyGapWarnings } from './duty.tables.js';
export { registerDuty } from './duty.routes.js';
export { findOnDutyNow, type OnDuty } from './duty-now.js';
export { dutyJobs, warnCoverageGaps } from './duty-jobs.js';
export { dutyNotifications } from './duty-notifications.js';
