import type { Cascade, CascadeNode, RelayCounts } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../i18n/resources';
import { assignmentRelay, cascadeSummary, mergePages, nextOffset, relayFigures, relayState, type Phrase } from './cascade-model';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
/** The phrase in a language, placeholders filled, as i18next would. */
const say = (lng: 'vi' | 'en', phrases: Phrase[]) =>
  phrases.map((p) => {
    const text = lookup(RESOURCES[lng] as Tree, p.key);
    expect(text, `${lng}:${p.key}`).toBeDefined();
    return text!.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(p.values?.[k]));
  });

const counts = (over: Partial<RelayCounts> = {}): RelayCounts => ({
  units: 0,
  acknowledged: 0,
  submitted: 0,
  accepted: 0,
  overdue: 0,
  tasksDone: 0,
  tasksTotal: 0,
  ...over,
});

const node = (id: string, over: Partial<CascadeNode> = {}): CascadeNode => ({
  assignmentId: id,
  orgId: `o-${id}`,
  orgName: `Xã ${id}`,
  orgKind: 'commune',
  status: 'acknowledged',
  dueAt: null,
  overdue: false,
  tasksDone: 0,
  tasksTotal: 3,
  hasUnits: true,
  relayDueAt: null,
  relayOverdue: false,
  relays: [],
  ...over,
});

describe('the cascade’s summary line', () => {
  it('says who relayed, who is late, how deep and how many received it', () => {
    const summary: Cascade['summary'] = { recipients: 15, withUnits: 15, relayed: 12, notRelayedOverdue: 3, deep: { ...counts({ units: 340 }), levels: 2 } };
    expect(say('vi', cascadeSummary(summary))).toEqual(['12/15 đơn vị đã triển khai', '3 quá hạn triển khai', '2 cấp', '340 đơn vị nhận']);
    expect(say('en', cascadeSummary(summary))).toEqual(['12/15 orgs relayed it', '3 late to relay', '2 levels', '340 orgs received it']);
  });

  it('leaves out what is not there: no late ones, one level', () => {
    const summary: Cascade['summary'] = { recipients: 4, withUnits: 0, relayed: 0, notRelayedOverdue: 0, deep: { ...counts({ units: 4 }), levels: 1 } };
    expect(say('vi', cascadeSummary(summary))).toEqual(['Không đơn vị nhận nào có đơn vị trực thuộc', '4 đơn vị nhận']);
  });
});

describe('a recipient and its relays', () => {
  it('tells relayed, late, owed, not relayed and nothing to relay apart', () => {
    const relay = {
      directiveId: 'r',
      number: null,
      subject: 's',
      status: 'issued' as const,
      issuedAt: null,
      counts: counts(),
      deep: { ...counts(), levels: 1 },
    };
    expect(relayState(node('a', { relays: [relay], relayOverdue: true }))).toBe('relayed');
    expect(relayState(node('a', { relayOverdue: true, relayDueAt: '2026-01-01T00:00:00Z' }))).toBe('overdue');
    expect(relayState(node('a', { relayDueAt: '2099-01-01T00:00:00Z' }))).toBe('owed');
    expect(relayState(node('a'))).toBe('notRelayed');
    expect(relayState(node('a', { hasUnits: false }))).toBe('none');
  });

  it('tells the receiving org its relay is late only while no relay is issued and the date has passed', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const past = '2026-03-09T00:00:00Z';
    expect(assignmentRelay({ relays: [], relayDueAt: past }, now)).toEqual({ relayed: false, late: true });
    expect(assignmentRelay({ relays: [{ status: 'draft' }], relayDueAt: past }, now)).toEqual({ relayed: false, late: true });
    expect(assignmentRelay({ relays: [{ status: 'issued' }], relayDueAt: past }, now)).toEqual({ relayed: true, late: false });
    expect(assignmentRelay({ relays: [], relayDueAt: '2026-03-11T00:00:00Z' }, now).late).toBe(false);
    expect(assignmentRelay({ relays: [], relayDueAt: null }, now).late).toBe(false);
  });

  it('counts a relay one level down, and every level below only when there are more', () => {
    const one = relayFigures(counts({ units: 3, submitted: 1, tasksDone: 2, tasksTotal: 9 }), { ...counts({ units: 3 }), levels: 1 });
    expect(say('vi', one)).toEqual(['3 đơn vị nhận', 'đã báo cáo 1/3', '2/9 nhiệm vụ']);
    const deep = relayFigures(counts({ units: 2, overdue: 1 }), { ...counts({ units: 30 }), levels: 3 });
    expect(say('vi', deep)).toEqual(['2 đơn vị nhận', 'đã báo cáo 0/2', '1 quá hạn', '3 cấp, 30 đơn vị']);
  });
});

describe('paging', () => {
  it('joins the pages without a recipient twice and knows when all are loaded', () => {
    const p1 = { items: [node('a'), node('b')], total: 3 };
    const p2 = { items: [node('b'), node('c')], total: 3 };
    expect(mergePages([p1, p2]).map((n) => n.assignmentId)).toEqual(['a', 'b', 'c']);
    expect(nextOffset([p1])).toBe(2);
    expect(nextOffset([p1, { items: [node('c')], total: 3 }])).toBeUndefined();
    expect(nextOffset([{ items: [], total: 5 }])).toBeUndefined();
  });
});
