export { notifications, mailOutbox } from './notifications.tables.js';
export { notifyUsers, type NotifyInput } from './notifications.service.js';
export { deliverPendingMail } from './mail-delivery.service.js';
export { notificationJobs } from './notifications.jobs.js';
export { registerNotifications } from './notifications.routes.js';
