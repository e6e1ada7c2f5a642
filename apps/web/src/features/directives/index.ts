export { DirectivesPage } from './directives-page';
export { DirectiveImportPage } from './directive-import-page';
export { DirectiveEditPage, DirectiveNewPage } from './directive-form-pages';
export { DirectivePage } from './directive-page';
export { AssignmentsPage } from './assignments-page';
export { AssignmentPage } from './assignment-page';
