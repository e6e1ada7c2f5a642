import type { FromUnitsTask } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import type { TaskLike } from './assignment-model';
import { fillFromUnits, fillTasks, hasIssuedRelay, mergeReport, unitReasons } from './from-units-model';

const task = (id: string, over: Partial<TaskLike> = {}): TaskLike & { taskId: string } => ({
  id,
  taskId: id,
  text: `Nhiệm vụ ${id}`,
  status: 'not_started',
  report: '',
  naReason: null,
  ...over,
});

const answer = (orgName: string, status: FromUnitsTask['answers'][number]['status'], reason: string | null = null) => ({
  assignmentId: `a-${orgName}`,
  orgName,
  assignmentStatus: 'in_progress' as const,
  status,
  report: '',
  reason,
  evidence: [],
});

const SUGGESTED = 'Đã triển khai đến 3 đơn vị trực thuộc; 1/3 đơn vị đã thực hiện.';
const fromUnits = (taskId: string, over: Partial<FromUnitsTask> = {}): FromUnitsTask => ({
  taskId,
  units: 3,
  done: 1,
  notDone: 1,
  notApplicable: 0,
  open: 1,
  answers: [answer('Trường THCS Lê Lợi', 'done'), answer('Trường Tiểu học Na Lay', 'not_done', 'Chưa có phần mềm quét'), answer('Tổ dân phố 1', 'not_started')],
  suggestedReport: SUGGESTED,
  suggestedStatus: 'in_progress',
  ...over,
});

describe('the report merged with the units’ suggestion', () => {
  it('fills an empty report, keeps the officer’s words before it, and adds nothing twice', () => {
    expect(mergeReport('', SUGGESTED)).toBe(SUGGESTED);
    expect(mergeReport('   ', SUGGESTED)).toBe(SUGGESTED);
    expect(mergeReport('Phường đã họp triển khai.', SUGGESTED)).toBe(`Phường đã họp triển khai.\n\n${SUGGESTED}`);
    const once = mergeReport('Phường đã họp triển khai.', SUGGESTED);
    expect(mergeReport(once, SUGGESTED)).toBe(once);
    expect(mergeReport('Giữ nguyên', '  ')).toBe('Giữ nguyên');
  });

  it('names the units’ own reasons for the status taken', () => {
    const answers = [answer('A', 'not_applicable', 'Không có máy chủ'), answer('B', 'not_applicable', ' '), answer('C', 'done', 'x')];
    expect(unitReasons(answers, 'not_applicable')).toBe('A: Không có máy chủ');
  });
});

describe('filling a task from its units', () => {
  it('takes the suggested status only while the officer has set none', () => {
    expect(fillFromUnits(task('1'), undefined, fromUnits('1'))).toEqual({ status: 'in_progress', report: SUGGESTED, reason: '' });
    // saved as done by the officer: stays done
    expect(fillFromUnits(task('1', { status: 'done', report: 'Xong' }), undefined, fromUnits('1')).status).toBe('done');
    // chosen in the page but not saved yet: stays too
    expect(fillFromUnits(task('1'), { status: 'not_done', report: '', reason: 'Thiếu người' }, fromUnits('1'))).toEqual({
      status: 'not_done',
      report: SUGGESTED,
      reason: 'Thiếu người',
    });
  });

  it('gives a status that asks a reason the units’ reasons when none is written', () => {
    const na = fromUnits('1', {
      suggestedStatus: 'not_applicable',
      answers: [answer('Trường A', 'not_applicable', 'Không có hệ thống')],
      units: 1,
    });
    expect(fillFromUnits(task('1'), undefined, na)).toMatchObject({ status: 'not_applicable', reason: 'Trường A: Không có hệ thống' });
  });

  it('changes nothing for a task no unit received', () => {
    const draft = { status: 'done' as const, report: 'Đã làm', reason: '' };
    expect(fillFromUnits(task('1'), draft, fromUnits('1', { units: 0, answers: [], suggestedReport: '' }))).toBe(draft);
  });

  it('fills one task or all of them, leaving other drafts alone and counting what changed', () => {
    const tasks = [task('a'), task('b', { status: 'done', report: SUGGESTED }), task('c')];
    const drafts = { c: { status: 'in_progress' as const, report: 'Đang làm', reason: '' } };
    const units = [fromUnits('a'), fromUnits('b'), fromUnits('c', { units: 0, answers: [], suggestedReport: '' })];
    const all = fillTasks(tasks, drafts, units);
    // b already says it: no change; c: nobody below received it
    expect(all.filled).toEqual(['a']);
    expect(all.drafts.a).toEqual({ status: 'in_progress', report: SUGGESTED, reason: '' });
    expect(all.drafts.c).toBe(drafts.c);
    expect(all.drafts.b).toBeUndefined();
    const one = fillTasks(tasks, {}, units, 'b');
    expect(one.filled).toEqual([]);
  });

  it('offers the panel once a relay is issued, not for drafts', () => {
    expect(hasIssuedRelay([{ status: 'draft' }])).toBe(false);
    expect(hasIssuedRelay([{ status: 'draft' }, { status: 'issued' }])).toBe(true);
    expect(hasIssuedRelay([])).toBe(false);
  });
});
