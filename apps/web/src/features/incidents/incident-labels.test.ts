import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../i18n/resources';
import {
  CATEGORIES,
  EVENT_KINDS,
  INCIDENT_ACTIONS,
  INDICATOR_TYPES,
  LIST_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
  SEVERITIES,
  STATUSES,
} from './incident-model';
import { COMMUNE_COLUMNS } from './stats-model';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const LANGS = [
  ['vi', RESOURCES.vi as unknown as Tree],
  ['en', RESOURCES.en as unknown as Tree],
] as const;

const missing = (keys: readonly string[]) => LANGS.flatMap(([lng, tree]) => keys.filter((k) => !lookup(tree, k)).map((k) => `${lng}:${k}`));

const WORK_STATUSES = ['pending', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'not_applicable', 'risk_accepted', 'other'];

// Keys built at run time (`incidents.events.${kind}`) escape i18n.test.ts's literal-key scan.
describe('incident words', () => {
  it.each([
    ['incidents.severity', SEVERITIES],
    ['incidents.category', CATEGORIES],
    ['incidents.status', STATUSES],
    ['incidents.listStatus', LIST_STATUSES],
    ['incidents.reportKind', REPORT_KINDS],
    ['incidents.reportStatus', REPORT_STATUSES],
    ['incidents.indicatorType', INDICATOR_TYPES],
    ['incidents.actions', INCIDENT_ACTIONS],
    ['incidents.events', [...EVENT_KINDS, 'unknown']],
    ['incidents.countdown.left', ['lessThanMinute', 'minutes', 'hours', 'days']],
    ['incidents.countdown.over', ['lessThanMinute', 'minutes', 'hours', 'days']],
    ['incidents.ask', ['status', 'note', 'review_closure', 'reopen']],
    ['incidents.review', ['accept', 'return', 'acceptTitle', 'returnTitle']],
    ['incidents.tabs', ['timeline', 'indicators', 'evidence', 'tasks', 'team', 'related']],
    ['incidents.tasks.status', WORK_STATUSES],
    ['incidents.stats.cols', COMMUNE_COLUMNS],
  ] as const)('names every %s value in both languages', (prefix, values) => {
    expect(missing(values.map((v) => `${prefix}.${v}`))).toEqual([]);
  });

  it('says the deadline the way the desk reads it', () => {
    const vi = LANGS[0][1];
    expect(lookup(vi, 'incidents.countdown.left.hours')).toBe('còn {{h}} giờ {{m}} phút');
    expect(lookup(vi, 'incidents.countdown.over.hours')).toBe('quá hạn {{h}} giờ {{m}} phút');
    expect(lookup(vi, 'incidents.promote.button')).toBe('Chuyển thành sự cố');
  });
});
