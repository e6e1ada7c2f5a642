export { registerAuth } from './auth.routes.js';
export { actorOfToken, registerAuthentication, SESSION_COOKIE } from './authenticate.js';
