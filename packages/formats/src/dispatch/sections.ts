import { findAddressee } from './addressee.js';
import type { Block } from './blocks.js';
import { foldKeepLength, stripListEnd } from './normalise.js';

export interface DispatchSection {
  heading: string;
  /** The group that must act, when the heading names one. */
  addressees: string | null;
  tasks: string[];
}

export interface DispatchBody {
  recipients: string[];
  preamble: string;
  sections: DispatchSection[];
  closing: string;
}

const CLOSING_OPENERS = /^(?:yeu cau|de nghi|tren day|nhan duoc|trong qua trinh|qua trinh thuc hien)(?![a-z])/;
const MAX_LOOSE_RECIPIENT = 200;

/** The closing paragraph: "Yêu cầu …", "Đề nghị …", "Trên đây …", or whatever ends with the mark "./.". */
function isClosing(block: Block): boolean {
  if (block.kind !== 'para') return false;
  const text = block.text.trimEnd();
  if (text.endsWith('/.')) return true;
  return CLOSING_OPENERS.test(foldKeepLength(text.slice(0, 40))) && !text.endsWith(':');
}

function splitRecipients(text: string): string[] {
  const parts = text.includes(';') ? text.split(';') : [text];
  return parts.map(stripListEnd).filter((p) => p !== '');
}

function blockText(b: Block): string {
  if (b.kind === 'item') return `- ${b.text}`;
  if (b.kind === 'heading' && b.number !== null) return `${b.number}. ${b.text}`;
  return b.text;
}

function joinBlocks(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('\n');
}

function isTaskSentence(heading: string): boolean {
  return /[.;!]$/.test(heading.trimEnd());
}

interface RecipientSplit {
  recipients: string[];
  rest: Block[];
}

function takeRecipients(blocks: readonly Block[]): RecipientSplit {
  const k = blocks.findIndex((b) => b.kind === 'kinhGui');
  if (k < 0) return { recipients: [], rest: [...blocks] };
  const inline = blocks[k]?.text ?? '';
  const recipients = splitRecipients(inline);
  let j = k + 1;
  while (blocks[j]?.kind === 'item') {
    const item = stripListEnd(blocks[j]?.text ?? '');
    if (item !== '') recipients.push(item);
    j += 1;
  }
  const next = blocks[j];
  // "Kính gửi:" with the addressee alone on the next line, without a bullet.
  if (inline === '' && recipients.length === 0 && next?.kind === 'para' && next.text.length <= MAX_LOOSE_RECIPIENT) {
    recipients.push(...splitRecipients(next.text));
    j += 1;
  }
  return { recipients, rest: [...blocks.slice(0, k), ...blocks.slice(j)] };
}

/** Splits the last section's trailing paragraphs from the closing text. */
function splitClosing(body: readonly Block[]): { tasks: Block[]; closing: Block[] } {
  let lastListed = -1;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    if (body[i]?.kind !== 'para') {
      lastListed = i;
      break;
    }
  }
  const trailing = body.slice(lastListed + 1);
  const c = trailing.findIndex(isClosing);
  if (c >= 0) return { tasks: body.slice(0, lastListed + 1 + c), closing: trailing.slice(c) };
  // After a list, a plain paragraph reads as the closing even without "./.".
  if (lastListed >= 0) return { tasks: body.slice(0, lastListed + 1), closing: trailing };
  return { tasks: [...body], closing: [] };
}

function buildSection(heading: string, body: readonly Block[]): DispatchSection {
  const addressees = heading === '' ? null : findAddressee(heading);
  const tasks: string[] = [];
  if (heading !== '' && isTaskSentence(heading)) tasks.push(heading);
  for (const b of body) if (b.text !== '') tasks.push(b.text);
  const headingIsGroup = addressees !== null && addressees.length >= stripListEnd(heading).length - 1;
  if (tasks.length === 0 && heading !== '' && !headingIsGroup) tasks.push(heading);
  return { heading, addressees, tasks };
}

/**
 * Turns body blocks into recipients, preamble, sections and closing. Numbered
 * headings ("1.", or "I." when Roman numerals are used) start sections; the
 * bullets and paragraphs under a heading are its tasks, and a heading written
 * as a full instruction (a sentence ending in "." or ";") is a task itself.
 */
export function splitBody(blocks: readonly Block[]): DispatchBody {
  const { recipients, rest } = takeRecipients(blocks);
  const roman = rest.some((b) => b.kind === 'roman');
  const isHead = (b: Block): boolean => (roman ? b.kind === 'roman' : b.kind === 'heading');
  const heads: number[] = [];
  rest.forEach((b, i) => {
    if (isHead(b)) heads.push(i);
  });

  if (heads.length === 0) {
    const firstListed = rest.findIndex((b) => b.kind !== 'para');
    if (firstListed < 0) {
      const last = rest[rest.length - 1];
      const closing = last !== undefined && isClosing(last) ? [last] : [];
      return {
        recipients,
        preamble: joinBlocks(rest.slice(0, rest.length - closing.length)),
        sections: [],
        closing: joinBlocks(closing),
      };
    }
    const { tasks, closing } = splitClosing(rest.slice(firstListed));
    return {
      recipients,
      preamble: joinBlocks(rest.slice(0, firstListed)),
      sections: [buildSection('', tasks)],
      closing: joinBlocks(closing),
    };
  }

  const sections: DispatchSection[] = [];
  let closing: Block[] = [];
  heads.forEach((h, n) => {
    const end = heads[n + 1] ?? rest.length;
    let body = rest.slice(h + 1, end);
    if (n === heads.length - 1) {
      const split = splitClosing(body);
      body = split.tasks;
      closing = split.closing;
    }
    sections.push(buildSection(rest[h]?.text ?? '', body));
  });
  return {
    recipients,
    preamble: joinBlocks(rest.slice(0, heads[0])),
    sections,
    closing: joinBlocks(closing),
  };
}
