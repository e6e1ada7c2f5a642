import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../i18n/resources';
import { CHECK_STATUSES, TODO_STATES, WORK_ACTIONS, WORK_STATUSES, actionNeedsReason, checkNeedsReason, checkWordKey } from './work-model';

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

function missing(keys: readonly string[]): string[] {
  return LANGS.flatMap(([lng, tree]) => keys.filter((k) => !lookup(tree, k)).map((k) => `${lng}:${k}`));
}

// Keys built at run time (`work.status.${s}`) escape i18n.test.ts's literal-key scan.
describe('work labels', () => {
  it.each([
    ['work.status', WORK_STATUSES],
    ['work.actions', WORK_ACTIONS],
    ['work.checkStatus', CHECK_STATUSES],
    ['work.todo.states', TODO_STATES],
    ['work.due', ['overdueDays', 'overdueOneDay', 'overdueToday', 'dueToday', 'dueTomorrow', 'daysLeft']],
    ['work.overview.by', ['commune', 'org']],
    ['work.overview.under', ['commune', 'org']],
    ['work.overview.all', ['commune', 'org']],
    ['work.overview.cols', ['open', 'overdue', 'submitted', 'closed']],
    ['work.kinds', ['directive', 'system']],
  ] as const)('names every %s value in both languages', (prefix, values) => {
    expect(missing(values.map((v) => `${prefix}.${v}`))).toEqual([]);
  });

  it('has a dialog title for submit and for every move that needs a reason, and a body for the latter', () => {
    const asking = WORK_ACTIONS.filter(actionNeedsReason);
    expect(missing(['work.confirm.submit.title', ...asking.flatMap((a) => [`work.confirm.${a}.title`, `work.confirm.${a}.body`])])).toEqual([]);
    expect(missing(CHECK_STATUSES.filter(checkNeedsReason).map((s) => `work.check.reasonHint.${s}`))).toEqual([]);
  });

  it('says "Đạt" / "Met" for a system requirement done, and the shared words elsewhere', () => {
    const vi = LANGS[0][1];
    const en = LANGS[1][1];
    const exists = (k: string) => lookup(vi, k) !== undefined;
    expect(lookup(vi, checkWordKey('system', 'done', exists))).toBe('Đạt');
    expect(lookup(en, checkWordKey('system', 'done', exists))).toBe('Met');
    expect(lookup(vi, checkWordKey('directive', 'done', exists))).toBe('Đã thực hiện');
    expect(lookup(en, checkWordKey('directive', 'done', exists))).toBe('Done');
    expect(lookup(vi, 'work.todo.title')).toBe('Việc cần làm');
    expect(lookup(vi, 'work.nav.overview')).toBe('Tổng hợp việc');
  });
});
