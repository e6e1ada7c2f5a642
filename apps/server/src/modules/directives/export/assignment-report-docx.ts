import { type FileChild } from 'docx';
import { formatNumberLine, formatTimestampVi, formatVietnameseDateLine } from './date-line.js';
import { bodyPara, footerTable, headerTable, packDocument, para, recipientsBlock, run } from './layout.js';
import { titleBlock } from './report-docx.js';
import { cleanLine, cleanText, withEndMark } from './text.js';
import { LIMITS, type AssignmentReportDoc, type AssignmentReportTask } from './types.js';

/**
 * A report goes back to whoever asked for it: its "Nơi nhận" is the issuing org and the archive
 * copy (Decree 30/2020, Annex I: "- Như trên;" … "- Lưu: VT."), never the directive's own list —
 * that list names the units the directive went to, who do not receive each other's reports.
 */
export function assignmentReportCopies(issuerName: string): string[] {
  return [issuerName, 'Lưu: VT'];
}

function heading(text: string): FileChild {
  return bodyPara([run(text, { bold: true })], { keepNext: true, before: 120 });
}

/** The counts told as a sentence: done, not done, not applicable, not reported yet. */
export function taskTally(tasks: readonly Pick<AssignmentReportTask, 'outcome'>[]): string {
  const count = (o: AssignmentReportTask['outcome']) => tasks.filter((t) => t.outcome === o).length;
  const parts = [
    `đã hoàn thành ${count('done')}/${tasks.length} nhiệm vụ`,
    count('not_done') ? `${count('not_done')} nhiệm vụ không thực hiện được` : null,
    count('not_applicable') ? `${count('not_applicable')} nhiệm vụ không áp dụng đối với đơn vị` : null,
    count('open') ? `${count('open')} nhiệm vụ đang thực hiện hoặc chưa thực hiện` : null,
  ].filter(Boolean);
  return `Đơn vị ${parts.join('; ')}.`;
}

const MAX_NAMES = 10;
const names = (xs: readonly string[]) =>
  `${xs
    .slice(0, MAX_NAMES)
    .map((x) => cleanLine(x, 200))
    .join(', ')}${xs.length > MAX_NAMES ? ` và ${xs.length - MAX_NAMES} đơn vị khác` : ''}`;

/** "- Kết quả của các đơn vị trực thuộc: 10/12 đơn vị đã thực hiện; 1 không thực hiện được (Trường A); …" */
export function unitsLine(u: NonNullable<AssignmentReportTask['units']>): string {
  const parts = [
    `${u.done}/${u.units} đơn vị đã thực hiện`,
    u.notDone ? `${u.notDone} đơn vị không thực hiện được (${names(u.notDoneNames)})` : null,
    u.notApplicable ? `${u.notApplicable} đơn vị không áp dụng` : null,
    u.open ? `${u.open} đơn vị chưa hoàn thành (${names(u.openNames)})` : null,
  ].filter(Boolean);
  return `- Kết quả của các đơn vị trực thuộc: ${parts.join('; ')}.`;
}

/** "Đơn vị đã triển khai đến 14 đơn vị trực thuộc (Công văn số 12/UBND-VP)." */
export function relaysLine(relays: NonNullable<AssignmentReportDoc['relays']>): string | null {
  if (relays.length === 0) return null;
  const total = relays.reduce((n, r) => n + r.units, 0);
  const docs = relays.map((r) => (r.number ? `Công văn số ${cleanLine(r.number, 100)}` : 'công văn chưa có số')).join(', ');
  return `Đơn vị đã triển khai đến ${total} đơn vị trực thuộc (${docs}).`;
}

function taskParagraphs(tasks: readonly AssignmentReportTask[]): FileChild[] {
  const out: FileChild[] = [];
  let section: string | null = null;
  tasks.slice(0, LIMITS.sections * LIMITS.tasksPerSection).forEach((t, i) => {
    if (t.section && t.section !== section) out.push(bodyPara([run(cleanLine(t.section, 300), { italics: true })], { keepNext: true }));
    section = t.section;
    out.push(bodyPara([run(`${i + 1}. `, { bold: true }), run(cleanLine(t.text, 1_000))], { keepNext: true }));
    out.push(bodyPara(`- Kết quả: ${cleanLine(t.status, 100)}.`, { keepNext: Boolean(t.report || t.reason) }));
    if (t.reason) out.push(bodyPara(`- Lý do: ${cleanText(t.reason, LIMITS.reportInDocx).replace(/\s+/g, ' ')}`));
    if (t.report) out.push(bodyPara(`- Nội dung đã thực hiện: ${cleanText(t.report, LIMITS.reportInDocx).replace(/\s+/g, ' ')}`));
    if (t.evidence > 0) out.push(bodyPara(`- Tài liệu minh chứng: ${t.evidence} tệp (lưu trên hệ thống Khiên).`));
    if (t.units && t.units.units > 0) out.push(bodyPara(unitsLine(t.units)));
  });
  return out;
}

/** One recipient's report on its directive, as a Decree 30 báo cáo addressed to the issuer. */
export async function buildAssignmentReportDocx(r: AssignmentReportDoc): Promise<Buffer> {
  const subject = `Kết quả thực hiện ${r.directiveNumber ? `Công văn số ${cleanLine(r.directiveNumber, 100)}` : 'công văn'}`;
  const org = cleanLine(r.issuingBody, 300);
  const children: FileChild[] = [
    headerTable({
      parentBody: r.parentBody,
      issuingBody: r.issuingBody,
      numberLine: formatNumberLine(null),
      subjectLine: null,
      dateLine: formatVietnameseDateLine(r.place, r.date),
    }),
    ...titleBlock(subject),
    ...recipientsBlock([r.issuerName]),
    bodyPara(`Thực hiện ${cleanLine(r.directiveRef, 1_000)}, ${org} báo cáo kết quả thực hiện (đến ${formatTimestampVi(r.generatedAt)}) như sau:`),
    heading('I. Kết quả thực hiện các nhiệm vụ'),
  ];
  if (r.tasks.length === 0) children.push(bodyPara('Công văn không giao nhiệm vụ cụ thể cho đơn vị.'));
  else children.push(...taskParagraphs(r.tasks));
  const relayed = relaysLine(r.relays ?? []);
  children.push(heading('II. Tổng hợp'), bodyPara(withEndMark(taskTally(r.tasks)), { keepNext: true }));
  if (relayed) children.push(bodyPara(relayed, { keepNext: true }));
  children.push(
    para('', { size: 6, keepNext: true }),
    footerTable({ authority: null, title: 'Thủ trưởng đơn vị', name: null }, assignmentReportCopies(r.issuerName)),
  );
  return packDocument(children, { title: `Báo cáo ${subject}`, description: org });
}
