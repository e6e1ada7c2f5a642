import { parseAlertmanagerBody } from './alertmanager.js';
import { maxItemsOf, merge } from './batch.js';
import { problem } from './build.js';
import { detectAlertFormat } from './detect.js';
import { parseGenericBody } from './generic.js';
import { parseGrafanaBody } from './grafana.js';
import { parseSuricataBody } from './suricata.js';
import { parseSyslogBody } from './syslog-alert.js';
import type { AlertFormat, AlertParse, ParseAlertOptions } from './types.js';
import { parseShuffleBody, parseWazuhBody } from './wazuh.js';
import { parseWazuh5Body } from './wazuh5.js';

const PARSERS: Record<AlertFormat, (body: unknown, opts?: ParseAlertOptions) => AlertParse> = {
  generic: parseGenericBody,
  wazuh: parseWazuhBody,
  wazuh_shuffle: parseShuffleBody,
  wazuh5: parseWazuh5Body,
  alertmanager: parseAlertmanagerBody,
  grafana: parseGrafanaBody,
  suricata: parseSuricataBody,
  syslog: parseSyslogBody,
};

function isFormat(f: unknown): f is AlertFormat {
  return typeof f === 'string' && Object.hasOwn(PARSERS, f);
}

/**
 * One request body (already JSON-parsed; a text body for syslog) of the given format; 'auto' detects.
 * A batch (array, { alerts: […] } of generic, Alertmanager's alerts[]) gives several alerts; bad items
 * give problems with their index and never throw.
 */
export function parseAlertBody(body: unknown, format: AlertFormat | 'auto', opts?: ParseAlertOptions): AlertParse {
  try {
    if (body === undefined || body === null || body === '') return { alerts: [], problems: [problem(null, '', 'empty_body')] };
    const f = format === 'auto' ? detectAlertFormat(body) : format;
    if (!isFormat(f)) return { alerts: [], problems: [problem(null, '', 'format_unknown')] };
    return PARSERS[f](body, opts);
  } catch {
    // every reader is total; this guard keeps the promise of the signature should one not be
    return { alerts: [], problems: [problem(null, '', 'not_an_object', 'không đọc được', 'unreadable')] };
  }
}

/**
 * NDJSON / alerts.json / eve.json text: one JSON object a line; blank lines skipped; a bad line is a
 * problem with its line index (0-based, counting blank lines). With format 'syslog', or 'auto' on a line
 * that is not JSON, a line is read as syslog. At most maxItems lines (default 1,000) are read.
 */
export function parseAlertLines(text: string, format: AlertFormat | 'auto', opts?: ParseAlertOptions): AlertParse {
  const out: AlertParse = { alerts: [], problems: [] };
  if (typeof text !== 'string') return { alerts: [], problems: [problem(null, '', 'empty_body')] };
  const lines = text.split('\n');
  const max = maxItemsOf(opts);
  let read = 0;
  let nonBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    nonBlank++;
    if (read >= max) continue;
    read++;
    const trimmed = line.trim();
    const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
    let r: AlertParse;
    if (format === 'syslog' || (format === 'auto' && !looksJson)) {
      r = parseAlertBody(line, 'syslog', opts);
    } else {
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (e) {
        const why = e instanceof Error ? e.message.slice(0, 200) : '';
        out.problems.push(problem(i, '', 'invalid_json', why, why));
        continue;
      }
      if (value === null || typeof value !== 'object') {
        out.problems.push(problem(i, '', 'not_an_object'));
        continue;
      }
      r = parseAlertBody(value, format, opts);
    }
    // a line is one item: its problems carry the line's index, whatever index the body parser gave
    for (const p of r.problems) p.index = i;
    merge(out, r);
  }
  if (nonBlank === 0) out.problems.push(problem(null, '', 'empty_body'));
  if (nonBlank > max)
    out.problems.push(
      problem(
        null,
        '',
        'batch_too_large',
        `${max} trên ${nonBlank} dòng; ${nonBlank - max} dòng còn lại bị bỏ qua`,
        `${max} of ${nonBlank} lines; the other ${nonBlank - max} were ignored`,
      ),
    );
  return out;
}
