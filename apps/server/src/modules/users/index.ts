export { users, grants, recoveryCodes, sessions, loginAttempts } from './users.tables.js';
export { revokeAllSessionsOf } from './sessions-link.js';
export { registerUsers } from './users.routes.js';
export { createUser, addGrant, resetPassword, resetTotp } from './users.service.js';
export * as usersRepo from './users.repo.js';
export {
  findRoleHoldersOn,
  findNearestRoleHoldersAbove,
  findRoleHoldersAboveByOrg,
  findUserNames,
  findUserIdsMatching,
  findActiveGrantPaths,
} from './people.repo.js';
export { usersJobs } from './users-jobs.js';
