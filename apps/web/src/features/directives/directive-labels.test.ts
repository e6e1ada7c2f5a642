import * as contracts from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import vi from '../../i18n/vi.json';
import { ASSIGNMENT_STATUSES, DIRECTIVE_STATUSES, ROLLUP_BYS, TASK_STATUSES } from '../../lib/enums';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

describe('directive enums', () => {
  it.each([
    ['DIRECTIVE_STATUSES', DIRECTIVE_STATUSES, contracts.DIRECTIVE_STATUSES],
    ['ASSIGNMENT_STATUSES', ASSIGNMENT_STATUSES, contracts.ASSIGNMENT_STATUSES],
    ['TASK_STATUSES', TASK_STATUSES, contracts.TASK_STATUSES],
    ['ROLLUP_BYS', ROLLUP_BYS, contracts.RollupSchema.shape.by.options],
  ] as const)('%s equals the contract', (_name, mirror, contract) => {
    expect([...mirror]).toEqual([...contract]);
  });

  // Keys built at run time (`directiveStatus.${s}`) escape i18n.test.ts's literal-key scan.
  it.each([
    ['directiveStatus', DIRECTIVE_STATUSES],
    ['assignmentStatus', ASSIGNMENT_STATUSES],
    ['taskStatus', TASK_STATUSES],
    ['directives.rollup.by', ROLLUP_BYS],
    ['directives.import.fileProblem', ['type', 'size', 'empty']],
    ['assignments.events', ['acknowledged', 'assigned', 'submitted', 'returned', 'accepted', 'escalated']],
  ] as const)('labels every %s value in both languages', (prefix, values) => {
    const missing = values.flatMap((v) =>
      [
        ['vi', vi],
        ['en', en],
      ].flatMap(([lng, tree]) => (lookup(tree as Tree, `${prefix}.${v}`) ? [] : [`${String(lng)}:${v}`])),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the accessible names the end-to-end journey uses', () => {
    const names = {
      'directives.actions.import': 'Nhập từ văn bản',
      'directives.import.textLabel': 'Nội dung công văn',
      'directives.import.parse': 'Phân tích',
      'directives.actions.saveDraft': 'Lưu nháp',
      'directives.actions.issue': 'Ban hành',
      'directives.issue.confirm': 'Xác nhận ban hành',
      'assignments.acknowledge': 'Xác nhận đã nhận',
      'assignments.submit.button': 'Gửi báo cáo',
      'assignments.review.accept': 'Chấp nhận',
      'assignments.review.return': 'Trả lại',
      'assignments.task.status': 'Trạng thái',
      'assignments.task.report': 'Báo cáo kết quả',
      'common.save': 'Lưu',
      'nav.directives': 'Công văn',
      'nav.assignments': 'Việc được giao',
    };
    for (const [key, name] of Object.entries(names)) expect(lookup(vi as Tree, key), key).toBe(name);
  });
});
