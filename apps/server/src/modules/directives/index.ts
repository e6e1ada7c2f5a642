export * from './directives.tables.js';
export { registerDirectives } from './directives.routes.js';
export { registerAssignments } from './assignments.routes.js';
export { directiveJobs, documentImportJobs } from './directive-jobs.js';
export { directiveWorkSource, directiveRelayWorkSource } from './directive-work.js';
export * from './document-imports.tables.js';
export { extractDispatchText, parseDispatchText, dispatchJson, notADispatch } from './dispatch-text.js';
export { directiveNotifications } from './directive-notifications.js';
/** For the demo seed: the province's first dispatch made and issued through the same services as the web. */
export { createDraft as demoCreateDraft } from './directive-drafts.service.js';
export { issueDirective as demoIssueDirective } from './directive-issue.service.js';
// the Decree 30/2020 layout, shared with the incidents module's reports
export * as decree30 from './export/index.js';
