// Org-tree files: CSV/XLSX import and export, the template, and the official admin-units JSON.
// Pure functions, no database; the orgs services apply the parsed rows.
export { parseOrgFile } from './parse-org-file.js';
export { readXlsx } from './read-xlsx.js';
export { buildOrgExport, buildOrgTemplate, type OrgTableFormat } from './build-org-file.js';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, OrgImportRefusedError, type OrgImportRefusalReason } from './limits.js';
export { ORG_COLUMNS, type OrgColumnKey } from './columns.js';
export { ORG_KIND_LABELS, orgKindLabel, parseOrgKind } from './org-kinds.js';
export { sayIssues, type OrgExportRow, type OrgFileFormat, type OrgImportRow, type ParsedOrgFile, type RowIssue } from './types.js';
// generic spreadsheet hygiene, shared with the inventory imports (zips: platform/archive)
export { cleanCellText, escapeFormula } from './cell-text.js';
