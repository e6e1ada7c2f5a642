export { TodoPage } from './todo-page';
export { WorkItemPage } from './work-item-page';
export { WorkOverviewPage } from './work-overview-page';
