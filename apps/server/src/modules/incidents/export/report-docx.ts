import { reportFields, type IncidentFormField, type IncidentReportKind } from '@khien/contracts';
import { LeaderType, LineRuleType, Paragraph, Tab, TabStopType, TextRun, type FileChild } from 'docx';
import { decree30 } from '../../directives/index.js';
import { INCIDENT_DOC_LIMITS, type IncidentReportDoc } from './types.js';
const {
  bodyPara,
  cleanLine,
  cleanText,
  FIRST_LINE_INDENT,
  footerTable,
  formatCount,
  formatNumberLine,
  formatShortDate,
  formatVietnameseDateLine,
  headerTable,
  packDocument,
  para,
  PARAGRAPH_AFTER,
  recipientsBlock,
  ruleParagraph,
  run,
  TEXT_WIDTH,
  textWidthPt,
  toVietnamTime,
} = decree30;

interface KindLayout {
  title: string;
  /** The line under the title: which form or clause the document answers. */
  basis: string | null;
  fields: readonly IncidentFormField[];
}

// the fields come from the contracts' one mapping (the initial and the 5-day report are both form 03)
export const REPORT_KINDS: Record<IncidentReportKind, KindLayout> = {
  initial: { title: 'BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG', basis: '(Mẫu số 03, Thông tư số 20/2017/TT-BTTTT)', fields: reportFields('initial') },
  five_day: { title: 'BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG', basis: '(Mẫu số 03, Thông tư số 20/2017/TT-BTTTT)', fields: reportFields('five_day') },
  full: { title: 'BÁO CÁO SỰ CỐ MẠNG', basis: '(Theo Nghị định số 331/2026/NĐ-CP)', fields: reportFields('full') },
  personal_data: {
    title: 'THÔNG BÁO VI PHẠM QUY ĐỊNH BẢO VỆ DỮ LIỆU CÁ NHÂN',
    basis: '(Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15)',
    fields: reportFields('personal_data'),
  },
  closure: { title: 'BÁO CÁO KẾT THÚC XỬ LÝ SỰ CỐ', basis: null, fields: reportFields('closure') },
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
/**
 * "1. Họ và tên: ……………" to the right margin: a right tab with a dot leader, so the dots fill exactly
 * what is left of the line (never wrapping onto a line of their own) and the printed form can be
 * filled in by hand. Left-aligned: a justified line would spread the label's words apart.
 */
function dottedParagraph(lead: string, o: { keepNext?: boolean; firstLine?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    // a <w:tab/> element: Word, unlike LibreOffice, does not take a tab character in the text for a tab
    children: [...(lead ? [run(lead)] : []), new TextRun({ children: [new Tab()], size: 28 })],
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    spacing: { before: 0, after: o.after ?? PARAGRAPH_AFTER, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: 0, right: 0, ...(o.firstLine === false ? {} : { firstLine: FIRST_LINE_INDENT }) },
    ...(o.keepNext ? { keepNext: true } : {}),
    run: { size: 28 },
  });
}

/** "14:30 ngày 20/3/2026", in Vietnam time. */
export function formatDateTimeVi(value: Date | string): string | null {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const { date, time } = toVietnamTime(new Date(ms).toISOString());
  return `${time} ngày ${formatShortDate(date)}`;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** A field's value as printed, or null when it is empty (the form then shows dots). */
export function formatFieldValue(field: Pick<IncidentFormField, 'input'>, value: unknown): string | null {
  if (isEmpty(value)) return null;
  switch (field.input) {
    case 'boolean':
      return value === true || value === 'true' ? 'Có' : value === false || value === 'false' ? 'Không' : cleanLine(String(value), 100);
    case 'level':
      return typeof value === 'number' || /^\d+$/.test(String(value)) ? `Cấp độ ${Number(value)}` : cleanLine(String(value), 100);
    case 'number':
      return typeof value === 'number' ? formatCount(value) : cleanLine(String(value), 100);
    case 'datetime':
      return (typeof value === 'string' || value instanceof Date ? formatDateTimeVi(value) : null) ?? cleanLine(String(value), 100);
    default: {
      const text = Array.isArray(value) ? value.map(String).join('\n') : typeof value === 'object' ? JSON.stringify(value) : String(value);
      return cleanText(text, INCIDENT_DOC_LIMITS.field) || null;
    }
  }
}

/** A section's number and heading: its own ("1. Thông tin người báo cáo") when the list numbers it, else I, II, … */
export function sectionHeadingText(index: number, title: string): { number: string; heading: string } {
  const text = cleanLine(title, 300);
  const own = /^(\d+)\.\s/.exec(text);
  if (own) return { number: `${own[1]}.`, heading: text };
  const roman = ROMAN[index] ?? String(index + 1);
  return { number: '', heading: `${roman}. ${text}` };
}

function fieldParagraphs(n: string, field: IncidentFormField, value: unknown): FileChild[] {
  const lead = `${n} ${cleanLine(field.label.vi, 300)}:`;
  const printed = formatFieldValue(field, value);
  if (field.input === 'text') {
    // a long text starts under its label, one paragraph per line typed
    if (printed === null) return [dottedParagraph(`${lead} `, { keepNext: true, after: 0 }), dottedParagraph('', { firstLine: false })];
    // not splitLines: it cuts a line at 8,000 characters, and a valid description is up to 10,000
    const lines = printed
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .slice(0, INCIDENT_DOC_LIMITS.paragraphs);
    return [bodyPara(lead, { keepNext: true, after: 40 }), ...lines.map((l) => bodyPara(l))];
  }
  return [printed === null ? dottedParagraph(`${lead} `) : bodyPara(`${lead} ${printed.replace(/\s+/g, ' ')}`)];
}

/** The fields of a kind, grouped by section in list order, numbered per section. */
function formBody(fields: readonly IncidentFormField[], values: Record<string, unknown>): FileChild[] {
  const out: FileChild[] = [];
  let section: string | null = null;
  let sections = 0;
  let prefix = '';
  let n = 0;
  for (const field of fields) {
    if (field.section.vi !== section) {
      section = field.section.vi;
      const { number, heading } = sectionHeadingText(sections++, section);
      out.push(bodyPara([run(heading, { bold: true })], { keepNext: true, before: 120 }));
      // "1.1." under "1. Thông tin người báo cáo"; "1." under a section numbered I, II, …
      prefix = number;
      n = 0;
    }
    out.push(...fieldParagraphs(`${prefix}${++n}.`, field, values[field.key]));
  }
  return out;
}

function titleLines(kind: KindLayout): FileChild[] {
  const out: FileChild[] = [para(kind.title, { align: 'center', size: 14, bold: true, before: 360, keepNext: true })];
  if (kind.basis) out.push(para(kind.basis, { align: 'center', size: 13, italics: true, keepNext: true }));
  const width = Math.min(TEXT_WIDTH / 2, textWidthPt(kind.title, 14, true) * 20);
  out.push(ruleParagraph(Math.round(width * 0.4), TEXT_WIDTH, 120));
  return out;
}

/** One statutory report of a case, in the Decree 30/2020 layout, with every field of its form printed (dots when empty). */
export async function buildIncidentReportDocx(doc: IncidentReportDoc): Promise<Buffer> {
  const kind = REPORT_KINDS[doc.kind];
  const org = cleanLine(doc.issuingBody, 300);
  const code = cleanLine(doc.incidentCode, 100);
  const children: FileChild[] = [];
  if (doc.confidential) children.push(para('MẬT', { size: 13, bold: true, after: 120 }));
  children.push(
    headerTable({
      parentBody: doc.parentBody,
      issuingBody: doc.issuingBody,
      numberLine: formatNumberLine(null),
      subjectLine: null,
      dateLine: formatVietnameseDateLine(doc.place, toVietnamTime(doc.date.toISOString()).date),
    }),
    ...titleLines(kind),
    ...recipientsBlock(doc.recipients),
    bodyPara(`${org} báo cáo về sự cố mã ${code} (thông tin cập nhật đến ${formatDateTimeVi(doc.generatedAt)}) như sau:`),
    ...formBody(kind.fields, doc.fields),
  );
  if (doc.deadline) {
    const due = formatDateTimeVi(doc.deadline.dueAt);
    children.push(bodyPara(`Thời hạn gửi báo cáo: trước ${due} (${cleanLine(doc.deadline.basis, 500)}).`, { italics: true, before: 120 }));
  }
  children.push(para('', { size: 6, keepNext: true }), footerTable({ authority: null, title: doc.signerTitle, name: doc.signerName }, doc.copiesTo));
  return packDocument(children, { title: `${kind.title} ${code}`, description: org });
}
