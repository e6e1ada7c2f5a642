import { buildBlocks } from './blocks.js';
import { findContacts, type DispatchContact } from './contacts.js';
import { findFooterStart, parseFooter, type Signer } from './footer.js';
import { resolveFootnotes } from './footnotes.js';
import { parseHeader, type DispatchHeader } from './header.js';
import { MAX_DISPATCH_CHARS, measureLayout, normaliseInput, stripListEnd, stripMarkdown } from './normalise.js';
import { removePageFurniture } from './pages.js';
import { findReferences, type DispatchReference } from './references.js';
import { unfoldPipeTables } from './tables.js';
import { splitBody, type DispatchSection } from './sections.js';

export interface ParsedDispatch {
  /** "1082/UBND-CA"; "/UBND-HC" when the number is left blank; null when absent. */
  number: string | null;
  place: string | null;
  /** ISO yyyy-mm-dd, or null when the date (or its day) is blank or absent. */
  date: string | null;
  /** The date as written, e.g. "ngày   tháng 01 năm 2024". */
  dateText: string | null;
  /**
   * Issuing body from the header block, e.g. "UỶ BAN NHÂN DÂN HUYỆN CAO LÃNH"
   * or, under a governing body, the lower line ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG").
   */
  issuer: string | null;
  /** The body printed above the issuer ("UBND TỈNH ĐỒNG THÁP"); null when the header names one body. */
  governingBody: string | null;
  /** "Công văn" (a "V/v" line, no title), else the title: "Kế hoạch", "Quyết định", "Thông báo" … */
  documentType: string | null;
  /** The "V/v" line without its prefix, or the line under the title ("KẾ HOẠCH …"), joined across broken lines. */
  subject: string | null;
  recipients: string[];
  /** Documents the preamble acts on or rests on ("Thực hiện Công văn số …", "Căn cứ Luật …"). */
  references: DispatchReference[];
  preamble: string;
  sections: DispatchSection[];
  closing: string;
  contacts: DispatchContact[];
  signer: Signer;
  copiesTo: string[];
  /** Things a person should check before trusting the draft, in Vietnamese. */
  warnings: string[];
}

export type { DispatchContact, DispatchReference, DispatchSection, Signer };

const FOOTNOTE_PREVIEW_CHARS = 80;
const MAX_FOOTNOTE_WARNINGS = 3;

export function emptyDispatch(warnings: string[] = []): ParsedDispatch {
  return {
    number: null,
    place: null,
    date: null,
    dateText: null,
    issuer: null,
    governingBody: null,
    documentType: null,
    subject: null,
    recipients: [],
    references: [],
    preamble: '',
    sections: [],
    closing: '',
    contacts: [],
    signer: { authority: null, title: null, name: null },
    copiesTo: [],
    warnings,
  };
}

function headerWarnings(header: DispatchHeader): string[] {
  const warnings: string[] = [];
  if (header.number === null) warnings.push('Không tìm thấy số văn bản');
  else if (header.numberBlank) warnings.push('Số văn bản để trống');
  if (header.dateText === null) warnings.push('Không tìm thấy ngày ban hành');
  else if (header.dateProblem === 'blank') warnings.push('Ngày ban hành để trống');
  else if (header.dateProblem === 'invalid') warnings.push(`Ngày ban hành không hợp lệ: "${header.dateText}"`);
  if (header.issuer === null) warnings.push('Không tìm thấy cơ quan ban hành');
  if (header.subject === null) warnings.push('Không tìm thấy trích yếu (V/v)');
  return warnings;
}

// Vietnamese digit grouping by hand: Intl takes ~25 ms to load on first use.
function formatThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function splitFootnoteList(footnote: string): string[] {
  return footnote
    .split(';')
    .map(stripListEnd)
    .filter((s) => s !== '');
}

function parse(input: string): ParsedDispatch {
  const { text, truncated } = normaliseInput(input);
  const marked = unfoldPipeTables(text.split('\n')).map(stripMarkdown);
  // Measured before footnotes lengthen the lines that carry their marks.
  const layout = measureLayout(marked);
  const footnoted = resolveFootnotes(marked);
  const header = parseHeader(footnoted.lines);
  const lines = [...footnoted.lines.slice(0, header.bodyStart), ...removePageFurniture(footnoted.lines.slice(header.bodyStart), header.number)];

  const footerStart = findFooterStart(lines, header.bodyStart);
  const bodyLines = lines.slice(header.bodyStart, Math.max(header.bodyStart, footerStart));
  if (header.bodyFirstLine !== null && bodyLines.length > 0) bodyLines[0] = header.bodyFirstLine;
  const blocks = buildBlocks(bodyLines, layout);
  const body = splitBody(blocks);
  const footer = parseFooter(lines.slice(footerStart), layout);

  const warnings = headerWarnings(header);
  let recipients = body.recipients;
  const footnotes = [...footer.footnotes];
  // A collective "Kính gửi: Các cơ quan, đơn vị" is often spelled out in a
  // footnote; the footnote is the list a reader acts on.
  const only = recipients[0];
  const listed = footnotes[0] === undefined ? [] : splitFootnoteList(footnotes[0]);
  if (recipients.length === 1 && only !== undefined && /^các\s/iu.test(only) && listed.length >= 2) {
    recipients = listed;
    footnotes.shift();
    warnings.push(`Danh sách "Kính gửi" lấy từ chú thích cuối văn bản (thay cho "${only}")`);
  }
  if (recipients.length === 0) warnings.push('Không tìm thấy nơi nhận (Kính gửi)');
  if (footer.signer.authority === null && footer.signer.title === null && footer.signer.name === null) {
    warnings.push('Không tìm thấy người ký');
  }
  for (const note of footnotes.slice(0, MAX_FOOTNOTE_WARNINGS)) {
    const preview = note.length > FOOTNOTE_PREVIEW_CHARS ? `${note.slice(0, FOOTNOTE_PREVIEW_CHARS)}…` : note;
    warnings.push(`Chú thích cuối văn bản chưa được xử lý: "${preview}"`);
  }
  const unresolved = [...new Set(footnoted.unresolved)].slice(0, MAX_FOOTNOTE_WARNINGS);
  if (unresolved.length > 0) warnings.push(`Không tìm thấy nội dung chú thích ${unresolved.join(', ')}`);
  if (text.includes('\ufffd')) warnings.push('Văn bản có ký tự lỗi mã hoá (�), cần đối chiếu bản gốc');
  if (truncated) {
    warnings.push(`Văn bản dài hơn ${formatThousands(MAX_DISPATCH_CHARS)} ký tự, chỉ đọc phần đầu`);
  }

  return {
    number: header.number,
    place: header.place,
    date: header.date,
    dateText: header.dateText,
    issuer: header.issuer,
    governingBody: header.governingBody,
    documentType: header.documentType,
    subject: header.subject,
    recipients,
    references: findReferences(body.preamble),
    preamble: body.preamble,
    sections: body.sections,
    closing: body.closing,
    contacts: findContacts(
      blocks.map((b) => b.text),
      header.issuer,
    ),
    signer: footer.signer,
    copiesTo: footer.copiesTo,
    warnings,
  };
}

/**
 * Turns the text of a công văn (pasted, OCR'd or converted from PDF/Word)
 * into a structured draft for a person to confirm. Pure, and never throws.
 */
export function parseDispatch(text: string): ParsedDispatch {
  if (typeof text !== 'string') return emptyDispatch(['Không có nội dung văn bản']);
  try {
    return parse(text);
  } catch {
    // The draft is only a suggestion for a person to check, so an unforeseen
    // input must degrade to an empty draft rather than fail the upload.
    return emptyDispatch(['Không đọc được cấu trúc văn bản, cần nhập tay']);
  }
}

/**
 * Whether the parse found enough of a công văn's skeleton to be one: at least
 * two of number, subject, recipients, signature/copies and sections.
 */
export function looksLikeDispatch(p: ParsedDispatch): boolean {
  const signals = [
    p.number !== null,
    p.subject !== null,
    p.recipients.length > 0,
    p.signer.authority !== null || p.signer.title !== null || p.copiesTo.length > 0,
    p.sections.some((s) => s.tasks.length > 0),
  ];
  return signals.filter(Boolean).length >= 2;
}
