import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../i18n/resources';
import { ALERT_ACTIONS, ALERT_FORMATS, ALERT_SEVERITIES, ALERT_STATUSES, EVENT_KINDS, LIST_STATUSES, ROUTE_REASON_CODES } from './alert-model';
import { BOARD_COLUMNS } from './board-model';
import { TARGET_ORGS, TARGET_WHO, type ChainProblemCode } from './chain-model';
import { TEXT_MATCH_FIELDS } from './rules-model';

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
const vi = LANGS[0][1];

function missing(keys: readonly string[]): string[] {
  return LANGS.flatMap(([lng, tree]) => keys.filter((k) => !lookup(tree, k)).map((k) => `${lng}:${k}`));
}

const placeholders = (s: string | undefined) => [...(s ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const PROBLEMS: readonly ChainProblemCode[] = ['minutes_range', 'minutes_order'];

// Keys built at run time (`alerts.route.${code}`) escape i18n.test.ts's literal-key scan.
describe('alert words', () => {
  it.each([
    ['alerts.severity', ALERT_SEVERITIES],
    ['alerts.status', ALERT_STATUSES],
    ['alerts.listStatus', LIST_STATUSES],
    ['alerts.format', [...ALERT_FORMATS, 'auto']],
    ['alerts.routedBy', contracts.ROUTE_BASES],
    ['alerts.actions', ALERT_ACTIONS],
    ['alerts.route', [...ROUTE_REASON_CODES, 'unknown']],
    ['alerts.events', [...EVENT_KINDS, 'unknown']],
    ['alerts.ago', ['justNow', 'minutes', 'hours', 'days']],
    ['alerts.countdown.left', ['lessThanMinute', 'minutes', 'hours', 'days']],
    ['alerts.countdown.over', ['lessThanMinute', 'minutes', 'hours', 'days']],
    ['alerts.detail.skew', contracts.AlertDetailSchema.shape.clockSkew.unwrap().options],
    ['alerts.board.cols', BOARD_COLUMNS],
    ['alerts.settings.tabs', ['rules', 'policy', 'channels']],
    ['alerts.rules.match', ['format', 'severityAtLeast', ...TEXT_MATCH_FIELDS]],
    ['alerts.rules.hint', TEXT_MATCH_FIELDS],
    ['alerts.chain.whoValues', TARGET_WHO],
    ['alerts.chain.orgValues', TARGET_ORGS],
    ['alerts.chain.problem', PROBLEMS],
  ] as const)('names every %s value in both languages', (prefix, values) => {
    expect(missing(values.map((v) => `${prefix}.${v}`))).toEqual([]);
  });

  it('has a dialog title for every action that asks for a comment', () => {
    expect(missing(ALERT_ACTIONS.filter((a) => a !== 'acknowledge').map((a) => `alerts.ask.${a}.title`))).toEqual([]);
  });

  it('says the severities the way the monitoring centre does', () => {
    expect(ALERT_SEVERITIES.map((s) => lookup(vi, `alerts.severity.${s}`))).toEqual(['Nghiêm trọng', 'Cao', 'Trung bình', 'Thấp', 'Thông tin']);
    expect(lookup(vi, 'alerts.actions.acknowledge')).toBe('Xác nhận');
    expect(lookup(vi, 'alerts.actions.resolve')).toBe('Đã xử lý');
    expect(lookup(vi, 'alerts.board.updatedAt')).toBe('Cập nhật lúc {{time}}');
  });

  // each reason with the params the server's router writes (modules/alerts/alerts-routing.ts)
  const ROUTE_PARAMS: Record<(typeof ROUTE_REASON_CODES)[number], readonly string[]> = {
    rule_matched: ['rule'],
    severity_set: ['rule', 'severity'],
    agent: ['agent', 'asset'],
    hostname: ['asset', 'host'],
    asset_ip: ['asset', 'ip'],
    ip_range: ['ip', 'range'],
    ambiguous_host: ['count', 'host'],
    ambiguous_agent: ['count', 'host'],
    ambiguous_asset_ip: ['count', 'host'],
    ambiguous_ip_range: ['count', 'host'],
    unknown_agent: ['agent'],
    no_owner_found: [],
    fallback_coordinator: ['org'],
    outside_sender_scope: ['org'],
  };

  it.each(ROUTE_REASON_CODES)('route reason %s uses exactly the params the server sends', (code) => {
    for (const [, tree] of LANGS) expect(placeholders(lookup(tree, `alerts.route.${code}`))).toEqual([...ROUTE_PARAMS[code]]);
  });

  it.each([
    ['repeated', ['count']],
    ['routed', ['org']],
    ['notified', ['label', 'people', 'step']],
    ['escalated', ['label', 'people', 'step']],
    ['nobody_told', ['label', 'step']],
    ['reraised', ['people']],
    ['delivered', ['channel']],
    ['delivery_failed', ['channel']],
    ['received', []],
    ['acknowledged', []],
  ] as const)('timeline event %s uses exactly its params', (kind, params) => {
    for (const [, tree] of LANGS) expect(placeholders(lookup(tree, `alerts.events.${kind}`))).toEqual([...params]);
  });
});
