import Fastify, { LogController, type FastifyContextConfig, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/client.js';
import { registerErrorHandling } from './platform/http/errors-plugin.js';
import { createSerializerCompiler } from './platform/http/serializer.js';
import { registerSecurity } from './platform/http/security.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { registerApiDocs } from './platform/http/docs.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerWeb } from './platform/http/web.js';
import './platform/http/fastify-types.js';
import { registerAuth, registerAuthentication } from './modules/auth/index.js';
import { registerOrgs } from './modules/orgs/index.js';
import { registerUsers } from './modules/users/index.js';
import { registerTokens } from './modules/tokens/index.js';
import { registerAudit } from './modules/audit/index.js';
import { registerAssignments, registerDirectives } from './modules/directives/index.js';
import { registerNotifications } from './modules/notifications/index.js';
import { registerInventory } from './modules/inventory/index.js';
import { registerWork, workFileReader } from './modules/work/index.js';
import { registerDuty } from './modules/duty/index.js';
import { registerIncidents } from './modules/incidents/index.js';
import { AlertFeed, type AlertWorker, registerAlertIntake, registerAlerts } from './modules/alerts/index.js';
import { buildWorkContext } from './work-context.js';
import { allNotificationTemplates } from './notification-templates.js';
import { FileStore } from './platform/files/files.js';
import { FileAccess } from './platform/files/file-access.js';
import { registerFileDownloads } from './platform/http/file-downloads.js';
import { auditKeysFromConfig } from './platform/audit/audit-signing.js';

export interface AppDeps {
  database: Database;
  config: Config;
  /** pino options or false (tests keep the output quiet). */
  logger?: boolean | object;
  serveWeb?: boolean;
  /** Re-encode pass-through (SQL-built) bodies with their zod schema and require the same bytes; default: on when NODE_ENV=test. */
  verifyResponses?: boolean;
  /** route, tell and escalate alerts in this process (the server does; tests call the processor themselves) */
  alertWorker?: AlertWorker;
}

const MAX_JSON_BODY = 1_048_576;

export interface RouteInfo {
  method: string;
  url: string;
  config: FastifyContextConfig;
}

/** The composition root: platform plumbing, then one line per module. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // a request log buries what matters (the start-up block, warnings, errors): only when asked for
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: MAX_JSON_BODY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    // a path that is not valid percent-encoded UTF-8 never reaches a route: same error body as the rest
    frameworkErrors: (err, req, reply) => {
      const bad = err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_ASYNC_CONSTRAINT';
      const message = bad ? 'Đường dẫn không hợp lệ (không phải UTF-8) / the URL is not valid UTF-8' : `Yêu cầu không hợp lệ / bad request: ${err.message}`;
      const problem = bad ? 'invalid_utf8' : 'invalid';
      void (reply as FastifyReply)
        .status(400)
        .send({ error: { code: 'BAD_REQUEST', message, details: [{ path: 'url', message: problem, code: problem }], requestId: req.id } });
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  // every route with its config, for the generated access-control test and the route list in docs
  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: r.url, config: (r.config ?? {}) as RouteInfo['config'] });
  });
  app.decorate('routeTable', routeTable);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ verify: deps.verifyResponses ?? process.env.NODE_ENV === 'test' }));
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });
  registerErrorHandling(app);
  registerInputGuard(app);
  await registerSecurity(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });
  await registerApiDocs(app);
  registerMetrics(app, config.metrics);
  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.executeSql('select 1');
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  const db = database.db;
  registerAuthentication(app, db);
  registerAuth(app, { db, sessionHours: config.sessionHours, cookieSecure: config.cookieSecure });
  registerOrgs(app, { db });
  registerUsers(app, { db });
  registerTokens(app, { db });
  registerAudit(app, { db, keys: auditKeysFromConfig(config, (m) => app.log.warn(m)) });
  const files = new FileStore(config.filesDir);
  // modules register who may read the files they link; one route serves them all
  const fileAccess = new FileAccess();
  registerFileDownloads(app, { db, files, access: fileAccess });
  // work owed by an org: directives and the inventory register as its sources (work-context.ts)
  const work = buildWorkContext();
  fileAccess.register('work', workFileReader(work));
  registerWork(app, { db, files, work });
  registerDirectives(app, { db, files, fileAccess, work });
  registerAssignments(app, { db, files, fileAccess, work });
  registerNotifications(app, { db, templates: allNotificationTemplates() });
  registerInventory(app, { db, files, fileAccess, filesDir: config.filesDir, work });
  registerDuty(app, { db, publicHost: config.publicUrl ? new URL(config.publicUrl).host : 'khien.local' });
  const feed = new AlertFeed(db);
  app.addHook('onClose', async () => feed.stop());
  await registerAlertIntake(app, {
    db,
    ratePerSecond: config.intake.ratePerSecond,
    grafanaSecret: config.intake.grafanaSecret,
    onAccepted: () => deps.alertWorker?.kickSoon(),
  });
  registerAlerts(app, { db, feed });
  registerIncidents(app, { db, work, files, fileAccess });

  if (deps.serveWeb !== false) await registerWeb(app, config.webDist);
  return app;
}
