export { orgs, orgContacts, orgHistory } from './orgs.tables.js';
export { registerOrgs } from './orgs.routes.js';
export { createOrg, getVisibleOrg, insertOrgTx } from './orgs.service.js';
export { findOrgById as getOrgRef, findOrgByAdminCode, labelOf } from './orgs.repo.js';
export { importOrgs } from './org-import.service.js';
export { cleanCellText, escapeFormula, OrgImportRefusedError, readXlsx } from './import/index.js';
