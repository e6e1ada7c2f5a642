import { asObj, get, type Obj } from './build.js';
import { parseSyslog } from './syslog.js';
import type { AlertFormat } from './types.js';

/**
 * Which sender wrote this body, from the fields each one always sends. The order matters where
 * shapes overlap: Alertmanager and Grafana bodies also have `alerts` (as the generic batch does), and
 * a Shuffle body's all_fields is itself a Wazuh alert.
 */

function detectObject(o: Obj): AlertFormat | null {
  if (Array.isArray(o.alerts) && (typeof o.groupKey === 'string' || typeof o.receiver === 'string' || typeof o.version === 'string')) {
    const first = asObj(o.alerts[0]);
    const grafanaish = o.orgId !== undefined || o.version === '1' || (first && (first.silenceURL !== undefined || first.values !== undefined));
    return grafanaish ? 'grafana' : 'alertmanager';
  }
  if (o.pretext === 'WAZUH Alert' || (asObj(o.all_fields) && o.rule_id !== undefined)) return 'wazuh_shuffle';
  const doc = asObj(o._source) ?? o;
  const wz = asObj(doc.wazuh);
  // 5.x findings nest under wazuh.*; the 5.0 drafts kept ECS agent/rule at the top beside a wazuh object
  if (wz && (wz.rule !== undefined || wz.agent !== undefined || wz.integration !== undefined || (doc['@timestamp'] !== undefined && asObj(doc.rule))))
    return 'wazuh5';
  const rule = asObj(doc.rule);
  if (rule && rule.level !== undefined && (doc.agent !== undefined || doc.id !== undefined || doc.timestamp !== undefined)) return 'wazuh';
  if (typeof doc.event_type === 'string' && (doc.src_ip !== undefined || asObj(doc.alert))) return 'suricata';
  if (typeof o.title === 'string') return 'generic';
  if (Array.isArray(o.alerts)) {
    const first = asObj(o.alerts[0]);
    if (first && typeof first.title === 'string') return 'generic';
  }
  const hits = get(o, 'hits', 'hits');
  if (Array.isArray(hits) && hits.length > 0) return detectAlertFormat(hits[0]);
  return null;
}

export function detectAlertFormat(body: unknown): AlertFormat | null {
  try {
    if (typeof body === 'string') {
      const firstLine = body.split('\n', 1)[0]!;
      return firstLine.trim() !== '' && parseSyslog(firstLine).format !== 'raw' ? 'syslog' : null;
    }
    if (Array.isArray(body)) {
      const first = body.find((x) => x !== null && typeof x === 'object') ?? body.find((x) => typeof x === 'string');
      return first === undefined || Array.isArray(first) ? null : detectAlertFormat(first);
    }
    const o = asObj(body);
    return o ? detectObject(o) : null;
  } catch {
    return null;
  }
}
