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
  return bodyLines(doc).map((l) =>
    l.kind === 'heading' ? bodyPara([run(l.text, { bold: true })], { keepNext: true }) : bodyPara(l.text, { keepNext: l.kind === 'closing' }),
  );
}

export interface BodyLine {
  kind: 'preamble' | 'heading' | 'task' | 'closing';
  text: string;
}

/** Compared without numbering, bullets, case, spacing and end marks: "1. Công an phường:" is "công an phường". */
const sameWords = (s: string) =>
  cleanLine(s)
    .replace(/^(?:[0-9]+|[IVXLC]+|[a-zđ])[.)]\s*|^[-–—•+*]\s*/iu, '')
    .replace(/[\s.:;,/]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('vi');

/**
 * The body's paragraphs in print order, each once: a task that only repeats its section's heading is
 * the heading, and a paragraph that repeats the one before it (a preamble sentence a parser also made
 * a task, a closing kept twice) is printed once.
 */
export function bodyLines(doc: Pick<DispatchDoc, 'preamble' | 'sections' | 'closing'>): BodyLine[] {
  const out: BodyLine[] = [];
  const push = (kind: BodyLine['kind'], text: string) => {
    const prev = out.at(-1);
    if (!cleanLine(text) || (prev && sameWords(prev.text) === sameWords(text))) return;
    out.push({ kind, text });
  };
  for (const p of splitLines(doc.preamble, LIMITS.preambleParagraphs)) push('preamble', p);
  doc.sections.slice(0, LIMITS.sections).forEach((section, i) => {
    if (cleanLine(section.heading)) push('heading', sectionHeading(section.heading, i));
    for (const task of section.tasks.slice(0, LIMITS.tasksPerSection)) {
      if (cleanLine(section.heading) && sameWords(task) === sameWords(section.heading)) continue;
      push('task', taskLine(task));
    }
  });
  const closing = splitLines(doc.closing, LIMITS.preambleParagraphs);
  closing.forEach((p, i) => push('closing', i === closing.length - 1 ? withEndMark(p) : p));
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
      dateLine: formatVietnameseDateLine(doc.place, doc.date, doc.dateText ?? null),
    }),
    ...recipientsBlock(doc.recipients),
    ...dispatchBody(doc),
    // the spacer and the closing keep with the signature: the signing page never carries the signature alone
    para('', { size: 6, keepNext: true }),
    footerTable(doc.signer, doc.copiesTo),
  ];
  return packDocument(children, { title: subject, description: formatNumberLine(doc.number) });
}
