import { findPerson, findUnit, personAfterPhone } from './contact-person.js';
import { foldKeepLength, trimEndChars } from './normalise.js';

export interface DispatchContact {
  name: string;
  /** Digits only, with the leading 0 or +84 kept as written. */
  phone: string;
  /** The person's post or unit ("Phó Trưởng phòng", "cán bộ Công an xã"); present only when the text gives one. */
  title?: string | null;
}

// Vietnamese numbers: 0 + 9 or 10 digits, +84 + 9 or 10 digits, a landline
// with its area code in brackets ("(0215) 3826.117"), or 1800/1900 hotlines,
// in groups split by single spaces, dots or dashes. A slash never separates
// phone digits, which keeps "08/01/2024" and "33/PVHTT" out.
const PHONE =
  /(?<![A-Za-z\u00c0-\u024f\u1e00-\u1eff\d/.-])(?:\(?\+\s?84\)?[ .-]?\d(?:[ .-]?\d){8,9}|\(0\d{2,3}\)[ .-]?\d(?:[ .-]?\d){6,7}|0(?:[ .-]?\d){9,10}|1[89]00(?:[ .-]?\d){4,6})(?![ .-]?\d)(?!\/)/g;

/** Whether the text holds a phone number. */
export function hasPhone(text: string): boolean {
  PHONE.lastIndex = 0;
  const found = PHONE.test(text);
  PHONE.lastIndex = 0;
  return found;
}

// Compared with the lower-cased original, marks kept, so "số" is cut but "Sở" is not.
const CUE_WORDS =
  'số điện thoại|điện thoại|số đt|sđt|đtdđ|đt|di động|dđ|hotline|đường dây nóng|tel|phone|zalo|số máy|máy lẻ|số|qua|theo|hoặc|và|so dien thoai|dien thoai|sdt|dt'.split(
    '|',
  );
const SEPARATORS = ' \t:;,.-–—()[]';

const MAX_NAME_CONTEXT = 160;
// Looked at for a name written after the number, in brackets.
const AFTER_CHARS = 40;

const HOTLINE = /duong day nong|hotline/;

function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return raw.includes('+') ? `+${digits}` : digits;
}

/** Drops "(qua số điện thoại", "- SĐT", ", ĐT:" and the like from the end of the text before a number. */
function stripCues(context: string): string {
  let s = context;
  for (let round = 0; round < 8; round += 1) {
    const before = s;
    s = trimEndChars(s, SEPARATORS);
    const lower = s.toLowerCase();
    if (lower.length !== s.length) break;
    for (const cue of CUE_WORDS) {
      const at = lower.length - cue.length;
      if (at >= 0 && lower.endsWith(cue) && (at === 0 || SEPARATORS.includes(lower[at - 1] ?? ''))) {
        s = s.slice(0, at);
        break;
      }
    }
    if (s === before) break;
  }
  return s;
}

function lastSentence(context: string): string {
  const cut = Math.max(context.lastIndexOf('. '), context.lastIndexOf('; '));
  return cut >= 0 ? context.slice(cut + 2) : context;
}

interface Named {
  name: string;
  title: string | null;
}

function findName(context: string, after: string, issuer: string | null): Named {
  const sentence = lastSentence(context);
  const ctx = stripCues(sentence);
  const person = findPerson(ctx);
  if (person !== null) return person;
  const unit = findUnit(ctx);
  // "liên hệ Công an phường qua số 0215 3825 114 (đồng chí Tuấn)": the person, at that unit.
  const later = personAfterPhone(after);
  if (later !== null) return { name: later, title: unit };
  if (unit !== null) return { name: unit, title: null };
  // "Báo cáo qua đường dây nóng 0213.3876.113": the issuer's own hotline.
  return { name: issuer !== null && HOTLINE.test(foldKeepLength(sentence)) ? issuer : '', title: null };
}

/**
 * Contact points named in the text: a person ("đồng chí Nguyễn Văn A, số
 * điện thoại: 0912.345.678") or a unit ("liên hệ với Phòng Văn hoá và Thông
 * tin (qua số điện thoại 02773.822.202)"). An unnamed hotline is taken to be
 * the issuer's; otherwise a bare number gets the name ''.
 */
export function findContacts(texts: readonly string[], issuer: string | null = null): DispatchContact[] {
  const contacts: DispatchContact[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    PHONE.lastIndex = 0;
    let prevEnd = 0;
    let prevName: Named | null = null;
    for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
      const from = Math.max(prevEnd, m.index - MAX_NAME_CONTEXT);
      const between = text.slice(from, m.index);
      const end = m.index + m[0].length;
      // "0912.345.678 hoặc 0987.654.321": the second number is the same person's.
      const named: Named = prevName !== null && stripCues(between).trim() === '' ? prevName : findName(between, text.slice(end, end + AFTER_CHARS), issuer);
      const digits = normalisePhone(m[0]);
      const contact: DispatchContact = named.title === null ? { name: named.name, phone: digits } : { name: named.name, phone: digits, title: named.title };
      prevEnd = end;
      prevName = named;
      const key = `${contact.name}\u0000${contact.phone}`;
      // A bracketed area code that does not make a 10- or 11-digit number was something else.
      if (!/^(?:\+84\d{9,10}|0\d{9,10}|1[89]00\d{4,6})$/.test(digits)) continue;
      if (seen.has(key)) continue;
      seen.add(key);
      contacts.push(contact);
    }
  }
  return contacts;
}
