import type { Directive } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { draftToRule, emptyDraft, emptyRule, fromDirective, fromParsed, moveItem, ruleFromUnknown, toInput, validateDraft } from './editor-model';
import type { ParsedDispatchDraft } from './directives-api';

const PARSED: ParsedDispatchDraft['draft'] = {
  issuerOrgId: null,
  number: '1082/UBND-CA',
  place: 'Mường Lay',
  issuedOn: '2026-03-05',
  subject: 'triển khai thực hiện văn bản của Công an tỉnh',
  preamble: 'Thực hiện Công văn số 907/CAT-PA05…',
  closing: 'UBND phường yêu cầu…',
  recipientsText: ['Các cơ quan, đơn vị, trường học trên địa bàn phường;', 'Các Tổ dân phố, bản.'],
  copiesTo: ['Như trên;', 'Lưu: VT, CA.'],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'PHÓ CHỦ TỊCH', name: 'Lù Văn Ánh' },
  contacts: [{ name: 'Phòng Văn hoá và Thông tin', phone: '02773.822.202', title: null }],
  dateText: null,
  governingBody: 'UBND THỊ XÃ MƯỜNG LAY',
  documentType: 'Công văn',
  references: [],
  relayWithinDays: null,
  alertStart: null,
  alertEnd: null,
  dueAt: '2026-03-20T16:59:59.000Z',
  rule: null,
  sections: [
    {
      heading: 'Công an phường',
      addressees: 'Công an phường',
      rule: { underOrgId: '00000000-0000-4000-8000-000000000001', kinds: ['police'], directChildrenOnly: true },
      tasks: [
        { text: 'Chủ trì, tham mưu UBND phường…', dueAt: null, parentTaskId: null },
        { text: 'Tuyên truyền phương thức, thủ đoạn mới…', dueAt: null, parentTaskId: null },
      ],
    },
  ],
};

describe('directive editor model', () => {
  it('round-trips a parsed dispatch into the same DirectiveInput', () => {
    const draft = fromParsed(PARSED);
    draft.issuerOrg = { id: '00000000-0000-4000-8000-000000000009', name: 'UBND phường Mường Lay' };
    const input = toInput(draft);
    expect(input).toEqual({ ...PARSED, issuerOrgId: '00000000-0000-4000-8000-000000000009', dueAt: '2026-03-20T23:59:59+07:00' });
    expect(validateDraft(draft)).toEqual({});
  });

  it('reads a saved directive in position order', () => {
    const d = {
      ...PARSED,
      id: 'd1',
      issuerOrgId: 'o1',
      issuerOrgName: 'UBND phường',
      rule: { orgIds: ['o2', 42] },
      sections: [
        { id: 's2', position: 2, heading: 'B', addressees: null, rule: null, tasks: [{ id: 't3', position: 1, text: 'b1', dueAt: null }] },
        {
          id: 's1',
          position: 1,
          heading: 'A',
          addressees: null,
          rule: 'junk',
          tasks: [
            { id: 't2', position: 2, text: 'a2', dueAt: null, parentTaskId: null },
            { id: 't1', position: 1, text: 'a1', dueAt: null, parentTaskId: null },
          ],
        },
      ],
    } as unknown as Directive;
    const draft = fromDirective(d);
    expect(draft.issuerOrg).toEqual({ id: 'o1', name: 'UBND phường' });
    expect(draft.rule).toEqual({ mode: 'orgs', orgs: [{ id: 'o2', name: null }], under: null, kinds: [], directChildrenOnly: false });
    expect(draft.sections.map((s) => [s.heading, s.rule, s.tasks.map((t) => t.text)])).toEqual([
      ['A', null, ['a1', 'a2']],
      ['B', null, ['b1']],
    ]);
  });

  it('flags what the server would refuse', () => {
    const draft = emptyDraft();
    draft.rule = emptyRule('scope');
    draft.alertStart = '2026-02-10';
    draft.alertEnd = '2026-02-01';
    expect(validateDraft(draft)).toEqual({
      issuerOrgId: 'required',
      subject: 'required',
      rule: 'ruleScope',
      'sections.0.tasks.0.text': 'required',
      alertEnd: 'alertRange',
    });
  });

  it('sends only the half of a rule its mode names', () => {
    const rule = { mode: 'scope' as const, orgs: [{ id: 'x', name: 'X' }], under: { id: 'p', name: 'P' }, kinds: [], directChildrenOnly: false };
    expect(draftToRule(rule)).toEqual({ underOrgId: 'p', directChildrenOnly: false });
    expect(draftToRule({ ...rule, mode: 'orgs' })).toEqual({ orgIds: ['x'], directChildrenOnly: false });
    expect(ruleFromUnknown({ orgIds: [], kinds: ['school'] })).toBeNull();
    expect(ruleFromUnknown({ underOrgId: 'p', kinds: ['school', 'nope'] })).toEqual({ underOrgId: 'p', kinds: ['school'], directChildrenOnly: false });
  });

  it('moves list items', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});
