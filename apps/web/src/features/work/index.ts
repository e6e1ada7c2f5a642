// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadTodoPage = () => import('./todo-page').then((m) => m.TodoPage);
export const loadWorkItemPage = () => import('./work-item-page').then((m) => m.WorkItemPage);
export const loadWorkOverviewPage = () => import('./work-overview-page').then((m) => m.WorkOverviewPage);
