export { registerAuth } from './auth.routes.js';
export { registerAuthentication, SESSION_COOKIE } from './authenticate.js';
