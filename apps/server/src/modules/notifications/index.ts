export { notifications, mailOutbox } from './notifications.tables.js';
export { notifyMany, notifyUsers, type NotifyInput } from './notifications.service.js';
export {
  param,
  paramDate,
  type NotificationParams,
  type NotificationTemplate,
  type NotificationTemplates,
  type NotificationText,
} from './notification-templates.js';
export { deliverPendingMail } from './mail-delivery.service.js';
export type { MailRendering } from './mail-render.js';
export { notificationJobs } from './notifications.jobs.js';
export { registerNotifications } from './notifications.routes.js';
