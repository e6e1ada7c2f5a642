import { findAddressee } from './addressee.js';
import { joinText, type Block } from './blocks.js';
import { isContactParagraph } from './closing.js';
import { foldKeepLength, startsLowercase, stripListEnd, trimEndChars } from './normalise.js';

export interface DispatchSection {
  heading: string;
  /** The group that must act, when the heading names one. */
  addressees: string | null;
  /** The lead-in under the heading ("Thực hiện các nội dung sau:"), when there is one; it is not a task. */
  intro?: string;
  /** The Roman-numbered part ("NỘI DUNG THỰC HIỆN") a numbered section sits under, in a plan with both levels. */
  part?: string;
  tasks: string[];
}

// A heading ending in one of these introduces a list: its colon is part of the sentence.
const LEAD_IN_END = /(?:nhu sau|sau day|cu the|sau|gom|bao gom|duoi day|the hien)\s*:$/;
const MAX_GROUP_PREFIX = 100;

function isTaskSentence(text: string): boolean {
  return /[.;!]$/.test(text.trimEnd());
}

/** "… thi hành Quyết định này./." → "… thi hành Quyết định này.": the mark closes the letter, not the task. */
function dropClosingMark(text: string): string {
  if (!text.includes('/')) return text.trimEnd();
  return text.trimEnd().replace(/(?:\.\/\.?|\/\.)$/, '.');
}

function capitalise(s: string): string {
  return s.length === 0 ? s : (s[0] ?? '').toUpperCase() + s.slice(1);
}

interface HeadingParts {
  heading: string;
  /** The instruction after "Công an xã: …", which is the section's first task. */
  task: string | null;
}

/**
 * "Công an xã: cung cấp thông tin …" and "Đối với cha mẹ học sinh: quản lý …"
 * are a group and its task. The colon is kept when the heading is a lead-in
 * sentence ("… cụ thể như sau:"), dropped when it only ends a group's name.
 */
function splitHeading(raw: string): HeadingParts {
  const text = dropClosingMark(raw.trim());
  const colon = text.indexOf(': ');
  if (colon > 0 && colon <= MAX_GROUP_PREFIX) {
    const prefix = text.slice(0, colon).trim();
    const rest = text.slice(colon + 2).trim();
    const group = findAddressee(prefix);
    const named = (group !== null && group.toLowerCase() === prefix.toLowerCase()) || /^(?:đối với|riêng)\s/.test(prefix.toLowerCase());
    if (named && rest !== '') return { heading: prefix, task: capitalise(rest) };
  }
  if (text.endsWith(':') && text.length <= MAX_GROUP_PREFIX && !LEAD_IN_END.test(foldKeepLength(text))) {
    return { heading: trimEndChars(text, ' :'), task: null };
  }
  return { heading: text, task: null };
}

export interface BuiltSection {
  section: DispatchSection;
  /** Contact paragraphs found among the section's text: they belong with the closing. */
  contacts: Block[];
}

/**
 * One section: its heading, the group it addresses, its lead-in and its tasks.
 * Bullets, "a)" items and paragraphs under the heading are tasks; a heading
 * written as an instruction (a sentence ending in "." or ";") is the first
 * task itself, the same text, so a reader is shown it once.
 */
export function buildSection(rawHeading: string, blocks: readonly Block[], part: string | null = null): BuiltSection {
  const { heading, task } = splitHeading(rawHeading);
  const addressees = heading === '' ? null : findAddressee(heading);
  const contacts = blocks.filter(isContactParagraph);
  let body = blocks.filter((b) => !isContactParagraph(b) && b.text !== '');
  let intro: string | null = null;
  const first = body[0];
  if (first?.kind === 'para' && first.text.trimEnd().endsWith(':') && body.length > 1) {
    intro = first.text;
    body = body.slice(1);
  }

  const tasks: string[] = [];
  if (task !== null) tasks.push(dropClosingMark(task));
  else if (heading !== '' && isTaskSentence(heading)) tasks.push(heading);
  let listing = false;
  for (const b of body) {
    const last = tasks[tasks.length - 1];
    // "Phổ biến các thủ đoạn mới: - giả danh …; - giả danh …": the lower-case
    // bullets finish the sentence of the task above them.
    if (last !== undefined && b.kind === 'item' && startsLowercase(b.text) && (listing || last.endsWith(':'))) {
      tasks[tasks.length - 1] = joinText(last, dropClosingMark(b.text));
      listing = true;
      continue;
    }
    listing = false;
    tasks.push(dropClosingMark(b.text));
  }
  const headingIsGroup = addressees !== null && addressees.length >= stripListEnd(heading).length - 1;
  if (tasks.length === 0 && heading !== '' && !headingIsGroup && intro === null) tasks.push(heading);

  const section: DispatchSection = { heading, addressees, tasks };
  if (intro !== null) section.intro = intro;
  if (part !== null) section.part = part;
  return { section, contacts };
}
