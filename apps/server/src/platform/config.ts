import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  KHIEN_DATA_DIR: z.string().default('./data'),
  KHIEN_FILES_DIR: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  KHIEN_ADMIN_PASSWORD: z.string().optional(),
  KHIEN_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  KHIEN_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KHIEN_WEB_DIST: z.string().optional(),
  KHIEN_SMTP_URL: z.string().optional(),
  KHIEN_MAIL_FROM: z.string().default('Khiên <khien@localhost>'),
  // where people reach the web app (https://khien.example.gov.vn): mails link to ${KHIEN_PUBLIC_URL}/assignments/…; unset, mails carry no link
  KHIEN_PUBLIC_URL: z
    .string()
    .url('KHIEN_PUBLIC_URL: cần một địa chỉ http(s) đầy đủ / needs a full http(s) URL')
    .refine((u) => /^https?:\/\/[^/]/i.test(u), 'KHIEN_PUBLIC_URL: chỉ http hoặc https / http or https only')
    .refine((u) => !u.endsWith('/'), 'KHIEN_PUBLIC_URL: không có dấu / ở cuối / no trailing slash')
    .optional(),
  KHIEN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // one log line per HTTP request (Fastify's "incoming request" / "request completed", at info): off unless asked
  KHIEN_LOG_REQUESTS: z.enum(['0', '1', 'true', 'false']).default('0'),
  // Prometheus /metrics: 'loopback' (default) answers only this machine, 'token' needs KHIEN_METRICS_TOKEN, 'off' removes it
  KHIEN_METRICS: z.enum(['loopback', 'token', 'off']).optional(),
  KHIEN_METRICS_TOKEN: z.string().min(24, 'KHIEN_METRICS_TOKEN: ít nhất 24 ký tự / at least 24 characters').optional(),
  KHIEN_AUDIT_KEY_FILE: z.string().min(1).optional(),
  // 0 = no scheduled checkpoints; at most a week apart
  KHIEN_AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  // alert intake: requests per second one sender (API token) may make before 429 with Retry-After
  KHIEN_INTAKE_RATE: z.coerce.number().int().min(1).max(100_000).default(2000),
  // Grafana's webhook HMAC secret; set: Grafana posts must carry a valid X-Grafana-Alerting-Signature
  KHIEN_GRAFANA_SECRET: z.string().min(8).optional(),
  // syslog intake (TCP and UDP on the same port); unset: no listener
  KHIEN_SYSLOG_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  KHIEN_SYSLOG_HOST: z.string().default('127.0.0.1'),
  // the org syslog senders speak for (its id or its admin code); unset: the first top-level org
  KHIEN_SYSLOG_ORG: z.string().max(100).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** uploaded files by content hash; on PostgreSQL with several app processes, a shared folder */
  filesDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  sessionHours: number;
  cookieSecure: 'auto' | boolean;
  webDist: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** the web app's address as people reach it, no trailing slash; undefined: mails carry no link */
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  /** log every request (KHIEN_LOG_REQUESTS=1); otherwise the log has start-up, warnings and errors */
  logRequests: boolean;
  /** who may read /metrics; a token alone implies 'token' */
  metrics: { mode: 'loopback' | 'token' | 'off'; token: string | undefined };
  /** PEM Ed25519 private key for audit checkpoints; unset: generated in dataDir on first use */
  auditKeyFile: string | undefined;
  auditCheckpointMinutes: number;
  intake: { ratePerSecond: number; grafanaSecret: string | undefined };
  syslog: { port: number | undefined; host: string; org: string | undefined };
}

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ / invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  if (e.KHIEN_METRICS === 'token' && !e.KHIEN_METRICS_TOKEN) {
    throw new Error('Cấu hình không hợp lệ / invalid configuration: KHIEN_METRICS=token cần KHIEN_METRICS_TOKEN / needs KHIEN_METRICS_TOKEN');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.KHIEN_DATA_DIR),
    filesDir: path.resolve(e.KHIEN_FILES_DIR ?? path.join(e.KHIEN_DATA_DIR, 'files')),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.KHIEN_ADMIN_PASSWORD,
    sessionHours: e.KHIEN_SESSION_HOURS,
    cookieSecure: e.KHIEN_COOKIE_SECURE === 'auto' ? 'auto' : e.KHIEN_COOKIE_SECURE === 'true',
    webDist: e.KHIEN_WEB_DIST ? path.resolve(e.KHIEN_WEB_DIST) : path.join(repoRoot, 'apps/web/dist'),
    smtpUrl: e.KHIEN_SMTP_URL,
    mailFrom: e.KHIEN_MAIL_FROM,
    publicUrl: e.KHIEN_PUBLIC_URL,
    trustProxy: e.KHIEN_TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    logRequests: e.KHIEN_LOG_REQUESTS === '1' || e.KHIEN_LOG_REQUESTS === 'true',
    metrics: { mode: e.KHIEN_METRICS ?? (e.KHIEN_METRICS_TOKEN ? 'token' : 'loopback'), token: e.KHIEN_METRICS_TOKEN },
    auditKeyFile: e.KHIEN_AUDIT_KEY_FILE ? path.resolve(e.KHIEN_AUDIT_KEY_FILE) : undefined,
    auditCheckpointMinutes: e.KHIEN_AUDIT_CHECKPOINT_MINUTES,
    intake: { ratePerSecond: e.KHIEN_INTAKE_RATE, grafanaSecret: e.KHIEN_GRAFANA_SECRET },
    syslog: { port: e.KHIEN_SYSLOG_PORT, host: e.KHIEN_SYSLOG_HOST, org: e.KHIEN_SYSLOG_ORG },
  };
}

export const REPO_ROOT = repoRoot;
