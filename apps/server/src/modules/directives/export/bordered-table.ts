import { BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type Paragraph } from 'docx';
import { lineRuns, para, TEXT_WIDTH } from './layout.js';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** Table text is 12 pt: a report's tables hold more than its prose. */
export const TABLE_FONT = 12;

export interface CellSpec {
  /** One string, or lines inside the cell; the second and later lines in italics when `noteLines`. */
  text: string | string[];
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  italics?: boolean;
  rowSpan?: number;
  /** Lines after the first are set in italics (a status under a name). */
  noteLines?: boolean;
}

function cellParagraphs(spec: CellSpec): Paragraph[] {
  const lines = (Array.isArray(spec.text) ? spec.text : [spec.text]).filter((l, i) => i === 0 || l);
  const style = { size: TABLE_FONT, bold: spec.bold ?? false, italics: spec.italics ?? false };
  const o = { align: spec.align ?? 'left', size: TABLE_FONT } as const;
  if (!spec.noteLines || lines.length < 2) return [para(lineRuns(lines, style), o)];
  return [para(lineRuns(lines.slice(0, 1), style), o), para(lineRuns(lines.slice(1), { ...style, bold: false, italics: true }), o)];
}

function cell(spec: CellSpec, width: number): TableCell {
  return new TableCell({
    children: cellParagraphs(spec),
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 85, right: 85 },
    ...(spec.rowSpan && spec.rowSpan > 1 ? { rowSpan: spec.rowSpan } : {}),
  });
}

export interface BorderedTableInput {
  /** Column widths in twips; they add up to the text width. */
  widths: number[];
  header: string[];
  /**
   * Rows of cells. A cell with `rowSpan` covers the same column of the next rows, which then leave it out
   * (so those rows have fewer cells; `columns` tells which columns they do have).
   */
  rows: { cells: CellSpec[]; columns?: number[]; bold?: boolean }[];
}

/** A table with single 0.5 pt lines, its header row bold, centred and repeated on every page. */
export function borderedTable(input: BorderedTableInput): Table {
  const { widths } = input;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: input.header.map((h, i) => cell({ text: h, bold: true, align: 'center' }, widths[i] ?? 0)),
  });
  const rows = input.rows.map(
    (row) =>
      new TableRow({
        children: row.cells.map((c, i) => {
          const column = row.columns?.[i] ?? i;
          return cell({ ...c, bold: c.bold ?? row.bold ?? false }, widths[column] ?? 0);
        }),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
  });
}
