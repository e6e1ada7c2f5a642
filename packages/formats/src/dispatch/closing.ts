import type { Block } from './blocks.js';
import { hasPhone } from './contacts.js';
import { foldKeepLength } from './normalise.js';

/*
 * What follows the last task: the closing ("Đề nghị … thực hiện./.", "Trên
 * đây là …", "Yêu cầu … nghiêm túc triển khai thực hiện./.") and the contact
 * paragraph ("Trong quá trình thực hiện, nếu có vướng mắc, liên hệ … qua đầu
 * mối …", or a lead-in with one contact per line). Neither is a task.
 */

const CLOSING_OPENERS = /^(?:yeu cau|de nghi|tren day|nhan duoc|trong qua trinh|qua trinh thuc hien)(?![a-z])/;
const CONTACT_WORDS = /lien he|dau moi|duong day nong|hotline|so dien thoai/;
// A contact line is a name, a title and a number: short, whatever its bullet.
const MAX_CONTACT_LINE = 220;

/** The closing paragraph: "Yêu cầu …", "Đề nghị …", "Trên đây …", or whatever ends with the mark "./.". */
export function isClosing(block: Block): boolean {
  if (block.kind !== 'para') return false;
  const text = block.text.trimEnd();
  if (text.endsWith('/.')) return true;
  return CLOSING_OPENERS.test(foldKeepLength(text.slice(0, 40))) && !text.endsWith(':');
}

/** "Mọi vướng mắc đề nghị liên hệ ông … điện thoại: 0255.3822.468": who to call, not what to do. */
export function isContactParagraph(block: Block): boolean {
  return block.kind === 'para' && hasPhone(block.text) && CONTACT_WORDS.test(foldKeepLength(block.text));
}

/** "Đầu mối hỗ trợ, các đơn vị liên hệ:", with the contacts on the lines after it. */
function isContactLead(block: Block): boolean {
  return block.kind === 'para' && block.text.trimEnd().endsWith(':') && CONTACT_WORDS.test(foldKeepLength(block.text));
}

function isContactLine(block: Block): boolean {
  return block.kind === 'item' && block.text.length <= MAX_CONTACT_LINE && hasPhone(block.text);
}

function startsClosing(block: Block): boolean {
  return isClosing(block) || isContactParagraph(block) || isContactLead(block);
}

/** A block after which a plain paragraph is no longer part of the list: a bullet, or a numbered instruction. */
function endsList(block: Block | undefined): boolean {
  if (block === undefined) return false;
  if (block.kind === 'item' || block.kind === 'subheading') return true;
  // A titled heading ("2. Yêu cầu") is waiting for its text, which is the paragraph under it.
  return block.kind === 'heading' && /[.;!]$/.test(block.text.trimEnd());
}

export interface ClosingSplit {
  tasks: Block[];
  closing: Block[];
}

/** Splits the last section's trailing paragraphs (and contact lines) from its tasks. */
export function splitClosing(body: readonly Block[]): ClosingSplit {
  let start = body.length;
  while (start > 0) {
    const b = body[start - 1];
    if (b === undefined || (b.kind !== 'para' && !isContactLine(b))) break;
    start -= 1;
  }
  const trailing = body.slice(start);
  const c = trailing.findIndex(startsClosing);
  if (c >= 0) return { tasks: body.slice(0, start + c), closing: trailing.slice(c) };
  // After a list, a plain paragraph reads as the closing even without "./.";
  // contact lines without a lead-in stay tasks.
  const para = trailing.findIndex((b) => b.kind === 'para');
  const before = para < 0 ? undefined : (body[start + para - 1] ?? undefined);
  if (para >= 0 && endsList(before)) {
    return { tasks: body.slice(0, start + para), closing: trailing.slice(para) };
  }
  return { tasks: [...body], closing: [] };
}
