export { registerAudit } from './audit.routes.js';
