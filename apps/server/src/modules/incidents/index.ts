export * from './incidents.tables.js';
export { registerIncidents } from './incidents.routes.js';
export { incidentReportWorkSource, incidentTaskWorkSource } from './incidents-work.js';
// the demo seed opens its sample cases through the same services as the API
import { createIncident } from './incidents.service.js';
import { addTask, inviteTeam } from './incident-changes.service.js';
import { fromAlerts } from './incident-promote.service.js';
import { saveReport, submitReport } from './incident-report.service.js';
export const demoIncidents = { createIncident, fromAlerts, addTask, inviteTeam, saveReport, submitReport };
