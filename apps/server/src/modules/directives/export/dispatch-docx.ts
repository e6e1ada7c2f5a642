import { type FileChild } from 'docx';
import { formatNumberLine, formatVietnameseDateLine } from './date-line.js';
import { bodyPara, footerTable, headerTable, packDocument, para, recipientsBlock, run } from './layout.js';
import { cleanLine, splitLines, withEndMark } from './text.js';
import { LIMITS, type DispatchDoc } from './types.js';

/** "V/v …" as printed under the number; a subject that already carries the prefix keeps one. */
export function subjectLine(subject: string): string {
  const text = cleanLine(subject, 1_000).replace(/^(v\/v|về việc)\s*:?\s*/iu, '');
  return `V/v ${text}`;
}

/** "1. Công an phường" unless the heading already carries its number ("2)", "III."). */
function sectionHeading(heading: string, index: number): string {
  const text = cleanLine(heading);
  return /^([0-9]+|[IVXLC]+)[.)]\s/u.test(text) ? text : `${index + 1}. ${text}`;
}

/** A task as "- …", whatever bullet it came with. */
function taskLine(task: string): string {
  return `- ${cleanLine(task).replace(/^[-–—•+*]\s*/u, '')}`;
}

/** The body of a công văn: preamble, numbered sections with their tasks, closing marked "./.". */
export function dispatchBody(doc: Pick<DispatchDoc, 'preamble' | 'sections' | 'closing'>): FileChild[] {
  const out: FileChild[] = splitLines(doc.preamble, LIMITS.preambleParagraphs).map((p) => bodyPara(p));
  const sections = doc.sections.slice(0, LIMITS.sections);
  sections.forEach((section, i) => {
    if (cleanLine(section.heading)) out.push(bodyPara([run(sectionHeading(section.heading, i), { bold: true })], { keepNext: true }));
    for (const task of section.tasks.slice(0, LIMITS.tasksPerSection)) if (cleanLine(task)) out.push(bodyPara(taskLine(task)));
  });
  const closing = splitLines(doc.closing, LIMITS.preambleParagraphs);
  closing.forEach((p, i) => out.push(bodyPara(i === closing.length - 1 ? withEndMark(p) : p, { keepNext: true })));
  return out;
}

/** A công văn laid out per Decree 30/2020, Annex I, as a DOCX file. */
export async function buildDispatchDocx(doc: DispatchDoc): Promise<Buffer> {
  const subject = subjectLine(doc.subject);
  const children: FileChild[] = [
    headerTable({
      parentBody: doc.parentBody,
      issuingBody: doc.issuingBody,
      numberLine: formatNumberLine(doc.number),
      subjectLine: subject,
      dateLine: formatVietnameseDateLine(doc.place, doc.date),
    }),
    ...recipientsBlock(doc.recipients),
    ...dispatchBody(doc),
    // the spacer and the closing keep with the signature: the signing page never carries the signature alone
    para('', { size: 6, keepNext: true }),
    footerTable(doc.signer, doc.copiesTo),
  ];
  return packDocument(children, { title: subject, description: formatNumberLine(doc.number) });
}
