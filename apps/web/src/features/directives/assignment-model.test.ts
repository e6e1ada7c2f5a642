import { describe, expect, it } from 'vitest';
import {
  changedTasks,
  draftOf,
  isDirty,
  ownerStatusChoices,
  reasonMissing,
  refusedTaskIds,
  remainingDrafts,
  submitCheck,
  type TaskDraft,
  type TaskLike,
} from './assignment-model';

const task = (id: string, over: Partial<TaskLike> = {}): TaskLike => ({
  id,
  text: `Nhiệm vụ ${id}`,
  status: 'not_started',
  report: '',
  naReason: null,
  ...over,
});

describe('drafts of several tasks', () => {
  it('is dirty only when something a report sends has changed', () => {
    const t1 = task('1', { status: 'done', report: 'Đã xong' });
    expect(isDirty(t1, undefined)).toBe(false);
    expect(isDirty(t1, draftOf(t1))).toBe(false);
    expect(isDirty(t1, { ...draftOf(t1), report: 'Đã xong  ' })).toBe(false);
    expect(isDirty(t1, { ...draftOf(t1), report: 'Đã xong, có ảnh' })).toBe(true);
    // a reason typed for a status that takes none is not a change
    expect(isDirty(t1, { ...draftOf(t1), reason: 'gõ nhầm' })).toBe(false);
    expect(isDirty(t1, { ...draftOf(t1), status: 'not_done', reason: 'Thiếu kinh phí' })).toBe(true);
  });

  it('sends the changed tasks in page order, reasons only where they belong', () => {
    const tasks = [task('a'), task('b', { status: 'done', report: 'xong' }), task('c')];
    const drafts: Record<string, TaskDraft> = {
      c: { status: 'not_applicable', report: '', reason: '  Không có máy chủ  ' },
      a: { status: 'done', report: ' Đã đổi mật khẩu ', reason: 'thừa' },
      b: { status: 'done', report: 'xong', reason: '' },
    };
    expect(changedTasks(tasks, drafts)).toEqual([
      { taskId: 'a', status: 'done', report: 'Đã đổi mật khẩu', naReason: null },
      { taskId: 'c', status: 'not_applicable', report: '', naReason: 'Không có máy chủ' },
    ]);
  });

  it('keeps only the drafts the saved tasks do not already hold', () => {
    const saved = [task('a', { status: 'done', report: 'Đã đổi mật khẩu' }), task('b')];
    const drafts: Record<string, TaskDraft> = {
      a: { status: 'done', report: 'Đã đổi mật khẩu', reason: '' },
      b: { status: 'in_progress', report: '', reason: '' },
    };
    expect(Object.keys(remainingDrafts(saved, drafts))).toEqual(['b']);
  });

  it('asks a reason for not done and not applicable, and never offers the issuer’s "risk accepted"', () => {
    expect(reasonMissing({ status: 'not_done', report: '', reason: ' ' })).toBe(true);
    expect(reasonMissing({ status: 'not_applicable', report: '', reason: 'Không có' })).toBe(false);
    expect(reasonMissing({ status: 'done', report: '', reason: '' })).toBe(false);
    expect(ownerStatusChoices('done')).not.toContain('risk_accepted');
    expect(ownerStatusChoices('risk_accepted')).toContain('risk_accepted');
  });
});

describe('submitting', () => {
  it('names the tasks still unreported (refused) and those reported as not done (to confirm)', () => {
    const tasks = [task('a', { status: 'done' }), task('b', { status: 'in_progress' }), task('c', { status: 'not_done' }), task('d')];
    const check = submitCheck(tasks);
    expect(check.unreported.map((x) => [x.task.id, x.position])).toEqual([
      ['b', 2],
      ['d', 4],
    ]);
    expect(check.notDone.map((x) => x.position)).toEqual([3]);
    expect(submitCheck([task('a', { status: 'done' }), task('b', { status: 'not_applicable' })])).toEqual({ unreported: [], notDone: [] });
  });

  it('reads the task ids of a refusal from the server’s details', () => {
    expect(refusedTaskIds([{ path: 'checks.x', message: 'not_started', key: 'x', text: 'Nhiệm vụ x' }, { path: 'y' }, null])).toEqual(['x']);
    expect(refusedTaskIds(undefined)).toEqual([]);
  });
});
