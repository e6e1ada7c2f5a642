import { parsePromBody, type PromAlertExtras } from './alertmanager.js';
import { asObj, firstText, text } from './build.js';
import type { AlertParse, ParseAlertOptions } from './types.js';

/**
 * Grafana unified alerting, webhook contact point (grafana/alerting receivers/webhook): the Alertmanager
 * shape with version "1", orgId, and the deprecated title/state/message, and per alert
 * values, valueString, silenceURL, dashboardURL, panelURL, imageURL, ruleUID.
 * Signed, when the contact point has an HMAC secret, in X-Grafana-Alerting-Signature (webhook-signing.ts).
 */

const GRAFANA: PromAlertExtras = {
  ruleIdOf: (alert, labels) => firstText(alert.ruleUID, labels.__alert_rule_uid__, labels.alertname),
  extend: (b, alert, body) => {
    const lines: string[] = [];
    const values = asObj(alert.values);
    if (values) {
      const pairs = Object.entries(values)
        .slice(0, 20)
        .map(([k, v]) => `${k}=${text(v) ?? ''}`);
      if (pairs.length > 0) lines.push(`values: ${pairs.join(', ')}`);
      for (const [k, v] of Object.entries(values).slice(0, 10)) b.label(`value.${k}`, v);
    } else if (text(alert.valueString) !== null) lines.push(`values: ${text(alert.valueString)}`);
    for (const k of ['silenceURL', 'dashboardURL', 'panelURL', 'imageURL']) {
      const t = text(alert[k]);
      if (t !== null) lines.push(`${k}: ${t}`);
    }
    b.description = lines.join('\n');
    b.label('orgId', body.orgId ?? alert.orgId);
  },
};

export function parseGrafanaBody(body: unknown, opts?: ParseAlertOptions): AlertParse {
  return parsePromBody('grafana', body, opts, GRAFANA);
}
