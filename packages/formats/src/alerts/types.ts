/** Highest first, so an index compares severities: ALERT_SEVERITIES.indexOf(a) < indexOf(b) means a is worse. */
export type AlertSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type AlertFormat = 'generic' | 'wazuh' | 'wazuh_shuffle' | 'wazuh5' | 'alertmanager' | 'grafana' | 'suricata' | 'syslog';
export const ALERT_FORMATS: readonly AlertFormat[] = ['generic', 'wazuh', 'wazuh_shuffle', 'wazuh5', 'alertmanager', 'grafana', 'suricata', 'syslog'];

export interface AlertAgent {
  id: string | null;
  name: string | null;
  /** Canonical form (see ../ip), or null when the sender gives none or it does not parse. */
  ip: string | null;
}

export interface NormalisedAlert {
  format: AlertFormat;
  /** stable for the same event from the same sender (sender's id, or a hash of its identifying fields); <= 200 chars */
  dedupKey: string;
  /** <= 500 chars, never empty */
  title: string;
  /** <= 8000 chars */
  description: string;
  severity: AlertSeverity;
  /** the sender's own severity as written, e.g. "rule.level=10", "severity=2", "labels.severity=critical"; '' when it gives none */
  sourceSeverity: string;
  /** when the sender says it happened (offsets like +0000 read correctly); null if it gives none */
  occurredAt: Date | null;
  status: 'firing' | 'resolved';
  /** the machine it is about, as the sender names it */
  agent: AlertAgent;
  /** every IP address in the alert (agent ip, src, dst, data.srcip…), canonical form, deduplicated, IPv4 and IPv6 */
  ips: string[];
  /** lower case, no trailing dot, deduplicated */
  hostnames: string[];
  ruleId: string | null;
  category: string | null;
  /** flat string labels (bounded: <= 50 keys, key <= 100, value <= 500 chars) */
  labels: Record<string, string>;
  /** the original object (or syslog line), for the server to keep */
  raw: unknown;
}

export interface AlertProblem {
  /** Position of the item in its batch (array index, alerts[] index, or line index); null for the whole body. */
  index: number | null;
  /** Where in the item, e.g. "alerts[3].title"; '' for the item itself. */
  path: string;
  code: AlertProblemCode;
  message: { vi: string; en: string };
}

export type AlertProblemCode =
  'format_unknown' | 'not_an_object' | 'invalid_json' | 'batch_too_large' | 'missing_field' | 'invalid_field' | 'not_an_alert' | 'empty_body';

/** Items that became alerts, and the items (or the body) that did not, with why. */
export type AlertParse = { alerts: NormalisedAlert[]; problems: AlertProblem[] };

export interface ParseAlertOptions {
  /** The server's clock when the request arrived: fixes the year of RFC 3164 timestamps. Default: now. */
  receivedAt?: Date;
  /** Items read from one body or text; the rest are reported as one batch_too_large problem. Default 1,000. */
  maxItems?: number;
}

export interface SyslogCef {
  /** The format's version, the digit after "CEF:" (0 or 1). */
  cefVersion: string;
  vendor: string;
  product: string;
  /** Device Version. */
  version: string;
  signatureId: string;
  name: string;
  /** As written: "0".."10" or Low / Medium / High / Very-High. */
  severity: string;
  extensions: Record<string, string>;
}

export interface SyslogMessage {
  format: 'rfc5424' | 'rfc3164' | 'cef' | 'raw';
  facility: number | null;
  severity: number | null;
  timestamp: Date | null;
  /** The timestamp as written, kept so that one that does not parse can be reported (label time_unparsed). */
  timestampText: string | null;
  hostname: string | null;
  appName: string | null;
  procId: string | null;
  msgId: string | null;
  structuredData: Record<string, Record<string, string>>;
  message: string;
  cef: null | SyslogCef;
  parseError: string | null;
  raw: string;
}

export interface ParseSyslogOptions {
  /** Fixes the year of RFC 3164 timestamps (which have none). Default: now. */
  receivedAt?: Date;
  /**
   * Offset east of UTC, in minutes, for timestamps that carry no zone (RFC 3164, CEF rt text).
   * Default 0: UTC. Devices in Vietnam that log local time need 420.
   */
  assumeOffsetMinutes?: number;
}

/** The bounds every alert respects; exported so that the server's response schema uses the same numbers. */
export const ALERT_LIMITS = {
  dedupKey: 200,
  title: 500,
  description: 8000,
  sourceSeverity: 200,
  field: 500,
  labelKeys: 50,
  labelKey: 100,
  labelValue: 500,
  ips: 100,
  hostnames: 50,
  hostname: 253,
  batchItems: 1000,
  syslogLine: 65536,
} as const;
