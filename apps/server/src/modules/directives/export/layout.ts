import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';
import { balanceLines, textWidthPt, TWIPS_PER_PT } from './text-width.js';
import { cleanLine, copiesToLines, dashList, formatCount, splitLines, upperVi } from './text.js';
import { LIMITS, type DispatchDoc } from './types.js';

/** Decree 30/2020, Annex I: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm (in twips, 1/1440 inch). */
export const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850, header: 567 } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const FONT = 'Times New Roman';
/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE_INDENT = 720;
/** ≥ 6 pt between paragraphs. */
export const PARAGRAPH_AFTER = 120;

const HEADER_LEFT = 3969; // 70 mm: "ỦY BAN NHÂN DÂN" and "Số: …/UBND-…" with room around them
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const FOOTER_LEFT = 4536; // 80 mm: the "Nơi nhận" list at 11 pt
const FOOTER_RIGHT = TEXT_WIDTH - FOOTER_LEFT;
const CELL_SIDE_MARGIN = 57;
const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface RunStyle {
  size?: number; // points
  bold?: boolean;
  italics?: boolean;
}

// on every run as well as in the document defaults: text pasted into another document keeps the font
const RUN_FONT = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };

// only what is set: a 2,000-row table writes these properties tens of thousands of times
function runOptions(style: RunStyle): { font: typeof RUN_FONT; size: number; bold?: true; italics?: true } {
  return { font: RUN_FONT, size: (style.size ?? 14) * 2, ...(style.bold ? { bold: true } : {}), ...(style.italics ? { italics: true } : {}) };
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, ...runOptions(style) });
}

/** Several lines in one paragraph, separated by line breaks (keeps a header block together). */
export function lineRuns(lines: readonly string[], style: RunStyle): TextRun[] {
  return lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0, ...runOptions(style) }));
}

export interface ParaOptions extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  firstLine?: boolean;
  before?: number; // twips
  after?: number; // twips
  indentLeft?: number;
  indentRight?: number;
  hanging?: number;
  tabAt?: number;
  keepNext?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

export function para(content: string | TextRun[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? [run(content, o)] : content,
    alignment: ALIGN[o.align ?? 'left'],
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: {
      left: o.indentLeft ?? 0,
      right: o.indentRight ?? 0,
      ...(o.firstLine ? { firstLine: FIRST_LINE_INDENT } : {}),
      ...(o.hanging ? { hanging: o.hanging } : {}),
    },
    ...(o.tabAt !== undefined ? { tabStops: [{ type: TabStopType.LEFT, position: o.tabAt }] } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
    // the paragraph mark carries the size too, so an empty line is as tall as its neighbours
    run: { size: (o.size ?? 14) * 2 },
  });
}

/** A body paragraph: 14 pt, justified, first line indented 1.27 cm, 6 pt after. */
export function bodyPara(content: string | TextRun[], o: ParaOptions = {}): Paragraph {
  return para(content, { align: 'justify', firstLine: true, after: PARAGRAPH_AFTER, ...o });
}

/**
 * A solid rule `lengthTwips` long, centred in a column `columnTwips` wide: a 2 pt paragraph whose top border
 * is narrowed by its indents. Paragraph borders are drawn the same by Word and LibreOffice, where drawn lines
 * anchored in a table cell are not.
 */
export function ruleParagraph(lengthTwips: number, columnTwips: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - lengthTwips) / 2));
  return new Paragraph({
    children: [],
    // a little air, so the rule reads as a rule and not as an underline
    spacing: { before: 120, after, line: 40, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    run: { size: 4 },
  });
}

function borderlessCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    margins: { left: CELL_SIDE_MARGIN, right: CELL_SIDE_MARGIN, top: 0, bottom: 0 },
    borders: TableBorders.NONE,
  });
}

function borderlessTable(rows: TableRow[], widths: [number, number]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

const usable = (columnTwips: number): number => (columnTwips - 2 * CELL_SIDE_MARGIN) / TWIPS_PER_PT;

export interface HeaderBlock {
  parentBody: string | null;
  issuingBody: string;
  numberLine: string;
  /** "V/v …" under the number (công văn); null for named documents (báo cáo), whose title is centred below. */
  subjectLine: string | null;
  dateLine: string;
}

/** The two-column header, without borders: bodies and number on the left, national title, motto and date on the right. */
export function headerTable(h: HeaderBlock): Table {
  const left: Paragraph[] = [];
  const parent = upperVi(cleanLine(h.parentBody, 300));
  if (parent) left.push(para(lineRuns(balanceLines(parent, 13, false, usable(HEADER_LEFT)), { size: 13 }), { align: 'center', size: 13 }));
  const issuerLines = balanceLines(upperVi(cleanLine(h.issuingBody, 300)), 13, true, usable(HEADER_LEFT));
  left.push(para(lineRuns(issuerLines, { size: 13, bold: true }), { align: 'center', size: 13, bold: true }));
  // the rule under the issuing body is a third to a half of its line
  const issuerWidth = Math.min(usable(HEADER_LEFT), Math.max(...issuerLines.map((l) => textWidthPt(l, 13, true))));
  left.push(ruleParagraph(Math.round(issuerWidth * 0.4 * TWIPS_PER_PT), HEADER_LEFT - 2 * CELL_SIDE_MARGIN));

  const right: Paragraph[] = [
    para(NATIONAL_TITLE, { align: 'center', size: 12, bold: true }),
    para(MOTTO, { align: 'center', size: 13, bold: true }),
    // the rule under the motto is as long as the motto
    ruleParagraph(Math.round(textWidthPt(MOTTO, 13, true) * TWIPS_PER_PT), HEADER_RIGHT - 2 * CELL_SIDE_MARGIN),
  ];

  const numberCell = [para(h.numberLine, { align: 'center', size: 13, before: 120 })];
  if (h.subjectLine) numberCell.push(para(h.subjectLine, { align: 'center', size: 12, before: 40 }));
  const dateCell = [para(h.dateLine, { align: 'center', size: 14, italics: true, before: 120 })];

  return borderlessTable(
    [
      new TableRow({ children: [borderlessCell(left, HEADER_LEFT), borderlessCell(right, HEADER_RIGHT)], cantSplit: true }),
      new TableRow({ children: [borderlessCell(numberCell, HEADER_LEFT), borderlessCell(dateCell, HEADER_RIGHT)], cantSplit: true }),
    ],
    [HEADER_LEFT, HEADER_RIGHT],
  );
}

const KINH_GUI = 'Kính gửi:';
const KINH_GUI_INDENT = 1418; // 2.5 cm: the block sits left of centre, as in the Annex I samples

/** "Kính gửi: X." on one line for one recipient; "Kính gửi:" then "- X;" lines, "." on the last, for several. */
export function recipientsBlock(recipients: readonly string[]): Paragraph[] {
  const lines = dashList(recipients, LIMITS.addressLines, (rest) => `Các cơ quan, đơn vị khác (${formatCount(rest)} đơn vị)`);
  if (lines.length === 0) return [];
  const labelWidth = Math.ceil(textWidthPt(`${KINH_GUI}  `, 14) * TWIPS_PER_PT);
  const column = KINH_GUI_INDENT + labelWidth;
  const first = { before: 240, keepNext: true };
  if (lines.length === 1) {
    const one = lines[0]!.slice(2);
    if (textWidthPt(`${KINH_GUI} ${one}`, 14) * TWIPS_PER_PT < TEXT_WIDTH - 2 * KINH_GUI_INDENT) {
      return [para(`${KINH_GUI} ${one}`, { ...first, align: 'center', after: 240 })];
    }
    // a long single recipient wraps under itself, not under "Kính gửi"
    return [para([run(KINH_GUI), run('\t'), run(one)], { ...first, indentLeft: column, hanging: labelWidth, tabAt: column, after: 240 })];
  }
  return [
    para(KINH_GUI, { ...first, indentLeft: KINH_GUI_INDENT }),
    ...lines.map((line, i) => para(line, { indentLeft: column, after: i === lines.length - 1 ? 240 : 0, keepNext: i < 3 })),
  ];
}

/** Left "Nơi nhận" with its list, right the signature block; no borders. */
export function footerTable(signer: DispatchDoc['signer'], copiesTo: readonly string[]): Table {
  const lines = copiesToLines(copiesTo.map((c) => cleanLine(c, 300)));
  const left = [para('Nơi nhận:', { size: 12, bold: true, italics: true }), ...lines.map((l) => para(l, { size: 11 }))];

  const right: Paragraph[] = [];
  const authority = splitLines(signer.authority, 4).map((l) => upperVi(l));
  const title = upperVi(cleanLine(signer.title, 200));
  const heading = [...authority, ...(title ? [title] : [])];
  if (heading.length) right.push(para(lineRuns(heading, { size: 14, bold: true }), { align: 'center', size: 14, bold: true }));
  // room for the signature and the seal, then the name
  right.push(para(cleanLine(signer.name, 200), { align: 'center', size: 14, bold: true, before: heading.length ? 1600 : 0 }));

  // a row that cannot split keeps "Nơi nhận" beside the signer, unless the list is longer than a page
  const estimatedLines = lines.reduce((n, l) => n + Math.ceil(l.length / 45), 1);
  return borderlessTable(
    [new TableRow({ children: [borderlessCell(left, FOOTER_LEFT), borderlessCell(right, FOOTER_RIGHT)], cantSplit: estimatedLines <= 40 })],
    [FOOTER_LEFT, FOOTER_RIGHT],
  );
}

export interface DocumentMeta {
  title: string;
  description: string;
}

/** Packs A4 pages with the Decree 30 margins, Times New Roman 14 pt, page number centred at the top from page 2 on. */
export async function packDocument(children: FileChild[], meta: DocumentMeta): Promise<Buffer> {
  const pageNumber = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: RUN_FONT, size: 26 })] });
  const doc = new Document({
    creator: 'Khiên',
    title: cleanLine(meta.title, 250),
    description: cleanLine(meta.description, 250),
    styles: {
      default: {
        document: {
          run: { font: RUN_FONT, size: 28, language: { value: 'vi-VN' } },
          paragraph: { spacing: { line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.header },
          },
        },
        headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
