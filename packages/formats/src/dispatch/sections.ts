import type { Block } from './blocks.js';
import { isClosing, isContactParagraph, splitClosing } from './closing.js';
import { stripListEnd } from './normalise.js';
import { buildSection, type DispatchSection } from './section-build.js';

export type { DispatchSection } from './section-build.js';

export interface DispatchBody {
  recipients: string[];
  preamble: string;
  sections: DispatchSection[];
  closing: string;
}

const MAX_LOOSE_RECIPIENT = 200;
// A numbered line this long, or ending in a full stop, is an instruction rather than a title.
const MAX_TITLE_CHARS = 160;

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

interface RecipientSplit {
  recipients: string[];
  rest: Block[];
}

/** "Kính gửi:" and its list; web copies drop some dashes, so an undashed line that carries on a ";" list belongs to it. */
function takeRecipients(blocks: readonly Block[]): RecipientSplit {
  const k = blocks.findIndex((b) => b.kind === 'kinhGui');
  if (k < 0) return { recipients: [], rest: [...blocks] };
  const inline = blocks[k]?.text ?? '';
  const recipients = splitRecipients(inline);
  let j = k + 1;
  let open = false;
  for (let b = blocks[j]; b !== undefined; b = blocks[j]) {
    const loose = b.kind === 'para' && open && b.text.length <= MAX_LOOSE_RECIPIENT;
    if (b.kind !== 'item' && !loose) break;
    const item = stripListEnd(b.text);
    if (item !== '') recipients.push(item);
    open = /[;,]$/.test(b.text.trimEnd());
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

function endsLetter(b: Block | undefined): boolean {
  return b !== undefined && (isClosing(b) || isContactParagraph(b));
}

function isTitle(b: Block | undefined): boolean {
  return b?.kind === 'heading' && b.text.length <= MAX_TITLE_CHARS && !/[.;:!?…]$/.test(b.text.trimEnd());
}

/**
 * One Roman part ("II. NỘI DUNG THỰC HIỆN") or article ("Điều 1."). When it
 * holds numbered titles with text of their own ("1. Công an xã" + its
 * bullets), each of those is a section under the part, as a plan reads;
 * otherwise the numbered lines are the part's tasks.
 */
function buildPart(head: Block, body: readonly Block[]): { sections: DispatchSection[]; contacts: Block[] } {
  const firstSub = body.findIndex((b, i) => isTitle(b) && body[i + 1] !== undefined && body[i + 1]?.kind !== 'heading');
  if (head.kind !== 'roman' || firstSub < 0) {
    const built = buildSection(head.text, body);
    return { sections: [built.section], contacts: built.contacts };
  }
  const sections: DispatchSection[] = [];
  const contacts: Block[] = [];
  const own = body.slice(0, firstSub);
  if (own.length > 0) {
    const built = buildSection(head.text, own);
    sections.push(built.section);
    contacts.push(...built.contacts);
  }
  for (let i = firstSub; i < body.length;) {
    let end = i + 1;
    while (end < body.length && body[end]?.kind !== 'heading') end += 1;
    const built = buildSection(body[i]?.text ?? '', body.slice(i + 1, end), head.text);
    sections.push(built.section);
    contacts.push(...built.contacts);
    i = end;
  }
  return { sections, contacts };
}

/**
 * Turns body blocks into recipients, preamble, sections and closing. The top
 * level is "Điều 1." in a Quyết định, else "I." when Roman numerals are used,
 * else "1."; the bullets and paragraphs under a heading are its tasks.
 */
export function splitBody(blocks: readonly Block[]): DispatchBody {
  const { recipients, rest } = takeRecipients(blocks);
  const top = rest.some((b) => b.kind === 'article') ? 'article' : rest.some((b) => b.kind === 'roman') ? 'roman' : 'heading';
  const heads: number[] = [];
  rest.forEach((b, i) => {
    if (b.kind === top) heads.push(i);
  });

  if (heads.length === 0) {
    const firstListed = rest.findIndex((b) => b.kind !== 'para');
    if (firstListed < 0) {
      // Without a list, only the closing and contact paragraphs at the very end are set apart.
      let end = rest.length;
      while (end > 0 && endsLetter(rest[end - 1])) end -= 1;
      return { recipients, preamble: joinBlocks(rest.slice(0, end)), sections: [], closing: joinBlocks(rest.slice(end)) };
    }
    const { tasks, closing } = splitClosing(rest.slice(firstListed));
    const built = buildSection('', tasks);
    return {
      recipients,
      preamble: joinBlocks(rest.slice(0, firstListed)),
      sections: [built.section],
      closing: joinBlocks([...built.contacts, ...closing]),
    };
  }

  const sections: DispatchSection[] = [];
  const contacts: Block[] = [];
  let closing: Block[] = [];
  heads.forEach((h, n) => {
    const head = rest[h];
    if (head === undefined) return;
    let body = rest.slice(h + 1, heads[n + 1] ?? rest.length);
    if (n === heads.length - 1) {
      const split = splitClosing(body);
      body = split.tasks;
      closing = split.closing;
    }
    const built = top === 'heading' ? buildSection(head.text, body) : buildPart(head, body);
    if ('section' in built) sections.push(built.section);
    else sections.push(...built.sections);
    contacts.push(...built.contacts);
  });
  return {
    recipients,
    preamble: joinBlocks(rest.slice(0, heads[0])),
    sections,
    closing: joinBlocks([...contacts, ...closing]),
  };
}
