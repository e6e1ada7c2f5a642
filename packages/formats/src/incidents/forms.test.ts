// The form field lists live in @khien/contracts (the server's DOCX and the web form both read them);
// contracts has no test runner of its own, so they are checked here against the schemas.
import {
  CLOSURE_FIELDS,
  CLOSURE_REQUIRED,
  ClosureReportSchema,
  FORM03_FIELDS,
  FORM03_REQUIRED,
  Form03Schema,
  FULL_REPORT_FIELDS,
  FULL_REPORT_REQUIRED,
  FullReportSchema,
  PERSONAL_DATA_FIELDS,
  PERSONAL_DATA_REQUIRED,
  PersonalDataNoticeSchema,
  reportFields,
  type IncidentFormField,
} from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { missingFields } from './fields.js';

const FORMS = [
  ['form 03', FORM03_FIELDS, Form03Schema, FORM03_REQUIRED],
  ['full report', FULL_REPORT_FIELDS, FullReportSchema, FULL_REPORT_REQUIRED],
  ['personal data', PERSONAL_DATA_FIELDS, PersonalDataNoticeSchema, PERSONAL_DATA_REQUIRED],
  ['closure', CLOSURE_FIELDS, ClosureReportSchema, CLOSURE_REQUIRED],
] as const;

describe.each(FORMS)('%s fields', (_name, fields, schema, required) => {
  const keys = fields.map((f) => f.key);

  it('list every key of the schema exactly once, and nothing else', () => {
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(schema.shape).sort());
  });

  it('mark as required exactly the required keys', () => {
    expect(
      fields
        .filter((f) => f.required)
        .map((f) => f.key)
        .sort(),
    ).toEqual([...required].sort());
  });

  it('keep each section in one block, in the numbered order', () => {
    const sections = fields.map((f) => f.section.vi).filter((s, i, a) => i === 0 || a[i - 1] !== s);
    expect(new Set(sections).size).toBe(sections.length);
    const numbers = sections.map((s) => Number(/^(\d+)\./.exec(s)?.[1] ?? 0));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });

  it('have Vietnamese and English labels, NFC-normalised, the input matching the schema', () => {
    for (const f of fields) {
      for (const t of [f.label.vi, f.label.en, f.section.vi, f.section.en]) {
        expect(t.trim()).not.toBe('');
        expect(t.normalize('NFC')).toBe(t);
      }
      const probe: Record<IncidentFormField['input'], unknown> = {
        line: 'x',
        text: 'x\ny',
        datetime: '2026-09-04T08:30:00+07:00',
        level: 3,
        boolean: true,
        number: 10,
      };
      expect(schema.safeParse({ [f.key]: probe[f.input] }).success, `${f.key} as ${f.input}`).toBe(true);
    }
  });

  it('report every required key of an empty draft as missing', () => {
    expect(missingFields({}, required)).toEqual([...required]);
  });
});

describe('form 03', () => {
  it('follows the sections of Circular 20/2017 form 03', () => {
    const sections = [...new Set(FORM03_FIELDS.map((f) => f.section.vi))];
    expect(sections).toEqual([
      '1. Thông tin người báo cáo',
      '2. Người liên hệ',
      '3. Đơn vị vận hành, cơ quan chủ quản',
      '4. Hệ thống thông tin bị sự cố',
      '5. Mô tả sơ bộ về sự cố',
      '6. Thời điểm phát hiện sự cố',
      '7. Tình trạng hiện tại của sự cố',
      '8. Cách thức phát hiện sự cố',
      '9. Đã thông báo sự cố cho',
      '10. Thông tin về hệ thống',
      '11. Tài liệu kèm theo',
      '12. Đề nghị hỗ trợ và bảo mật thông tin',
    ]);
  });

  it('is the start of the full report', () => {
    expect(FULL_REPORT_FIELDS.slice(0, FORM03_FIELDS.length).map((f) => f.key)).toEqual(FORM03_FIELDS.map((f) => f.key));
  });

  it('serves form 03 for the initial notice and the 5-day report, the full report for the 72 h one', () => {
    expect(reportFields('initial')).toBe(FORM03_FIELDS);
    expect(reportFields('five_day')).toBe(FORM03_FIELDS);
    expect(reportFields('full')).toBe(FULL_REPORT_FIELDS);
    expect(reportFields('personal_data')).toBe(PERSONAL_DATA_FIELDS);
    expect(reportFields('closure')).toBe(CLOSURE_FIELDS);
  });
});
