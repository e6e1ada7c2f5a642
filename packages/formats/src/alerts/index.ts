export { ALERT_FORMATS, ALERT_LIMITS, ALERT_SEVERITIES } from './types.js';
export type {
  AlertAgent,
  AlertFormat,
  AlertParse,
  AlertProblem,
  AlertProblemCode,
  AlertSeverity,
  NormalisedAlert,
  ParseAlertOptions,
  ParseSyslogOptions,
  SyslogCef,
  SyslogMessage,
} from './types.js';
export { parseAlertBody, parseAlertLines } from './parse.js';
export { detectAlertFormat } from './detect.js';
export {
  mapCefSeverity,
  mapGenericSeverity,
  mapSeverity,
  mapSeverityWord,
  mapShuffleSeverity,
  mapSuricataSeverity,
  mapSyslogSeverity,
  mapWazuh5Level,
  mapWazuhLevel,
} from './severity.js';
export { parseSyslog } from './syslog.js';
export { syslogToAlert } from './syslog-alert.js';
export { parseCef } from './cef.js';
export { SyslogFrameDecoder, type FrameBatch } from './syslog-framing.js';
export { signStandardWebhook, verifyGrafanaSignature, verifyStandardWebhook } from './webhook-signing.js';
