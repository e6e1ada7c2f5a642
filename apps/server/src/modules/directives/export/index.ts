export type { AssignmentReportDoc, AssignmentReportTask, DispatchDoc, ReportDoc, ReportGroup, ReportRecipient, ReportSummary } from './types.js';
export { LIMITS } from './types.js';
export { buildDispatchDocx } from './dispatch-docx.js';
export { buildReportDocx } from './report-docx.js';
export { assignmentReportCopies, buildAssignmentReportDocx } from './assignment-report-docx.js';
export { buildReportXlsx, SHEET_NAMES } from './report-xlsx.js';
export { formatNumberLine, formatShortDate, formatVietnameseDateLine } from './date-line.js';
// the Decree 30/2020 building blocks, for the other documents the product files (incident reports)
export {
  bodyPara,
  FIRST_LINE_INDENT,
  footerTable,
  headerTable,
  packDocument,
  para,
  PARAGRAPH_AFTER,
  recipientsBlock,
  ruleParagraph,
  run,
  TEXT_WIDTH,
} from './layout.js';
export { cleanLine, cleanText, formatCount } from './text.js';
export { toVietnamTime } from './date-line.js';
export { textWidthPt } from './text-width.js';
