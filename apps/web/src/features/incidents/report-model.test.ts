import { describe, expect, it } from 'vitest';
import {
  fieldsForKind,
  fromFormValues,
  groupBySection,
  isDirty,
  missingFromError,
  missingLabels,
  toFormValues,
  type FormField,
  type FormLists,
} from './report-model';

const s = (vi: string, en: string) => ({ vi, en });
const REPORTER = s('Thông tin người báo cáo', 'Reporter');
const SYSTEM = s('Thông tin hệ thống', 'System');
const FIELDS: FormField[] = [
  { key: 'reporterName', section: REPORTER, label: s('Họ tên', 'Name'), input: 'line', required: true },
  { key: 'systemName', section: SYSTEM, label: s('Tên hệ thống', 'System name'), input: 'line', required: true },
  { key: 'reporterPhone', section: REPORTER, label: s('Điện thoại', 'Phone'), input: 'line', required: true },
  { key: 'systemLevel', section: SYSTEM, label: s('Cấp độ', 'Level'), input: 'level', required: false },
  { key: 'description', section: SYSTEM, label: s('Mô tả', 'Description'), input: 'text', required: true },
  { key: 'detectedAt', section: SYSTEM, label: s('Thời điểm phát hiện', 'Detected at'), input: 'datetime', required: true },
  { key: 'confidential', section: SYSTEM, label: s('Đề nghị giữ bí mật', 'Confidential'), input: 'boolean', required: false },
  { key: 'subjectsAffected', section: SYSTEM, label: s('Số người bị ảnh hưởng', 'Subjects'), input: 'number', required: false },
];

describe('the form by sections', () => {
  it("groups in the order the sections first come, fields in list order, in the reader's language", () => {
    const vi = groupBySection(FIELDS, 'vi');
    expect(vi.map((x) => x.title)).toEqual(['Thông tin người báo cáo', 'Thông tin hệ thống']);
    expect(vi[0]?.fields.map((f) => f.key)).toEqual(['reporterName', 'reporterPhone']);
    expect(groupBySection(FIELDS, 'en').map((x) => x.title)).toEqual(['Reporter', 'System']);
  });

  it('picks the list of each report kind', () => {
    const lists: FormLists = { form03: [FIELDS[0]!], full: [FIELDS[1]!], personalData: [FIELDS[2]!], closure: [FIELDS[3]!] };
    expect(fieldsForKind('initial', lists)).toBe(lists.form03);
    expect(fieldsForKind('full', lists)).toBe(lists.full);
    expect(fieldsForKind('five_day', lists)).toBe(lists.form03);
    expect(fieldsForKind('personal_data', lists)).toBe(lists.personalData);
    expect(fieldsForKind('closure', lists)).toBe(lists.closure);
  });
});

describe('values in and out of the inputs', () => {
  const saved = { reporterName: 'Lò Văn A', systemLevel: 3, detectedAt: '2026-02-16T01:05:00Z', confidential: true, subjectsAffected: 1200, stray: 'x' };

  it('fills each input from the saved fields, empty where nothing is saved', () => {
    expect(toFormValues(FIELDS, saved)).toEqual({
      reporterName: 'Lò Văn A',
      systemName: '',
      reporterPhone: '',
      systemLevel: '3',
      description: '',
      detectedAt: { date: '2026-02-16', time: '08:05' },
      confidential: true,
      subjectsAffected: '1200',
    });
  });

  it('sends back only what is filled, typed, a line on one line', () => {
    const values = { ...toFormValues(FIELDS, saved), systemName: ' Cổng\ndịch vụ công ', description: '  dòng 1\ndòng 2 ' };
    expect(fromFormValues(FIELDS, values)).toEqual({
      fields: {
        reporterName: 'Lò Văn A',
        systemName: 'Cổng dịch vụ công',
        systemLevel: 3,
        description: 'dòng 1\ndòng 2',
        detectedAt: '2026-02-16T08:05:00+07:00',
        confidential: true,
        subjectsAffected: 1200,
      },
      invalid: [],
    });
  });

  it('names a typed value that is not one instead of dropping it', () => {
    const values = { ...toFormValues(FIELDS, {}), systemLevel: '7', subjectsAffected: 'nhiều', detectedAt: { date: '2026-02-16', time: '' } };
    expect(fromFormValues(FIELDS, values).invalid).toEqual(['systemLevel', 'detectedAt', 'subjectsAffected']);
  });

  it('knows when the form differs from what is saved', () => {
    const values = toFormValues(FIELDS, saved);
    expect(isDirty(FIELDS, saved, values)).toBe(false);
    expect(isDirty(FIELDS, saved, { ...values, reporterPhone: '0912' })).toBe(true);
  });
});

describe('missing required fields', () => {
  it('reads them from field errors or from a list, only keys of this form, once each', () => {
    const details = [
      { path: ['fields', 'reporterPhone'], message: 'required' },
      { path: 'fields.description', message: 'required' },
      { path: 'systemName', message: 'required' },
      { path: 'fields.nope', message: 'x' },
      { path: 'fields.description', message: 'again' },
    ];
    expect(missingFromError(details, FIELDS)).toEqual(['reporterPhone', 'description', 'systemName']);
    expect(missingFromError({ missing: ['detectedAt', 'zzz'] }, FIELDS)).toEqual(['detectedAt']);
    expect(missingFromError(undefined, FIELDS)).toEqual([]);
  });

  it('says them by their labels, in form order; an unknown key as written', () => {
    expect(missingLabels(['description', 'reporterName', 'other'], FIELDS, 'vi')).toEqual(['Họ tên', 'Mô tả', 'other']);
    expect(missingLabels(['description'], FIELDS, 'en')).toEqual(['Description']);
  });
});

describe("the contract's form lists", () => {
  it('give every report kind its sections, with the required keys the server checks', async () => {
    const { FORM_LISTS } = await import('./report-forms');
    const contracts = await import('@khien/contracts');
    const required = (kind: Parameters<typeof fieldsForKind>[0]) =>
      fieldsForKind(kind, FORM_LISTS)
        .filter((f) => f.required)
        .map((f) => f.key)
        .sort();
    expect(required('initial')).toEqual([...contracts.FORM03_REQUIRED].sort());
    expect(required('full')).toEqual([...contracts.FULL_REPORT_REQUIRED].sort());
    expect(required('personal_data')).toEqual([...contracts.PERSONAL_DATA_REQUIRED].sort());
    expect(required('closure')).toEqual([...contracts.CLOSURE_REQUIRED].sort());
    expect(groupBySection(FORM_LISTS.form03, 'vi').length).toBeGreaterThan(1);
    // an untouched form sends only its switches, off: every other field is optional while drafting
    const untouched = fromFormValues(FORM_LISTS.full, toFormValues(FORM_LISTS.full, {}));
    expect(untouched.invalid).toEqual([]);
    expect(Object.values(untouched.fields).every((v) => v === false)).toBe(true);
  });
});
