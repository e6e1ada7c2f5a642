export type { AssignmentReportDoc, AssignmentReportTask, DispatchDoc, ReportDoc, ReportGroup, ReportRecipient, ReportSummary } from './types.js';
export { LIMITS } from './types.js';
export { buildDispatchDocx } from './dispatch-docx.js';
export { buildReportDocx } from './report-docx.js';
export { assignmentReportCopies, buildAssignmentReportDocx } from './assignment-report-docx.js';
export { buildReportXlsx, SHEET_NAMES } from './report-xlsx.js';
export { formatNumberLine, formatShortDate, formatVietnameseDateLine } from './date-line.js';
