// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadDirectivesPage = () => import('./directives-page').then((m) => m.DirectivesPage);
export const loadDirectiveImportPage = () => import('./directive-import-page').then((m) => m.DirectiveImportPage);
export const loadDirectiveNewPage = () => import('./directive-form-pages').then((m) => m.DirectiveNewPage);
export const loadDirectiveEditPage = () => import('./directive-form-pages').then((m) => m.DirectiveEditPage);
export const loadDirectivePage = () => import('./directive-page').then((m) => m.DirectivePage);
export const loadAssignmentsPage = () => import('./assignments-page').then((m) => m.AssignmentsPage);
export const loadAssignmentPage = () => import('./assignment-page').then((m) => m.AssignmentPage);
