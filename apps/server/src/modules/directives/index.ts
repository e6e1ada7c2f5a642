export * from './directives.tables.js';
export { registerDirectives } from './directives.routes.js';
export { registerAssignments } from './assignments.routes.js';
export { directiveJobs, runDeadlineSweep } from './directive-jobs.js';
export { extractDispatchText, parseDispatchText, dispatchJson } from './dispatch-text.js';
