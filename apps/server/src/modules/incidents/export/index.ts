export type { IncidentCaseSheet, IncidentReportDoc } from './types.js';
export { INCIDENT_DOC_LIMITS } from './types.js';
export { buildIncidentReportDocx, formatDateTimeVi, formatFieldValue, REPORT_KINDS, sectionHeadingText } from './report-docx.js';
export { buildIncidentCaseXlsx, CASE_SHEET_NAMES } from './case-xlsx.js';
