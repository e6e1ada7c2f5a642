export { apiTokens } from './tokens.tables.js';
export { findLiveToken, touchToken } from './tokens.repo.js';
export { registerTokens } from './tokens.routes.js';
