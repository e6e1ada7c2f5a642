import { directiveRelayWorkSource, directiveWorkSource } from './modules/directives/index.js';
import { systemWorkSource } from './modules/inventory/index.js';
import { incidentReportWorkSource, incidentTaskWorkSource } from './modules/incidents/index.js';
import { findRoleHoldersAboveByOrg, findRoleHoldersOn } from './modules/users/index.js';
import { WorkSources, type WorkContext } from './modules/work/index.js';

/**
 * The work module's sources and its "who is told", for the app (routes) and for the processes
 * that run jobs (timers): one definition so both see the same kinds. Today the audience is the
 * users module (role holders on an org and up the tree); duty rosters will answer first later.
 */
export function buildWorkContext(): WorkContext {
  const sources = new WorkSources();
  sources.register(directiveWorkSource);
  sources.register(directiveRelayWorkSource);
  sources.register(systemWorkSource);
  sources.register(incidentReportWorkSource);
  sources.register(incidentTaskWorkSource);
  return {
    sources,
    audience: {
      onOrg: findRoleHoldersOn,
      above: findRoleHoldersAboveByOrg,
    },
  };
}
