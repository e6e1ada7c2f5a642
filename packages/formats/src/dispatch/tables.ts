/*
 * A .docx converted to Markdown (Pandoc) sets the two-column header and the
 * "Nơi nhận" / signature block as pipe tables:
 *
 *   | ỦY BAN NHÂN DÂN **XÃ A** | **CỘNG HÒA …** **Độc lập - Tự do - Hạnh phúc** |
 *   |---|---|
 *   | *Nơi nhận:* - Như trên; - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN** **CHỦ TỊCH** **Lê Văn B** |
 *
 * A pipe table keeps one row per line, so a cell's lines are run together.
 * Each row becomes its cells one after the other, as header columns arrive
 * in turn from other extractors, and a cell is split back into lines where
 * the runs show its line breaks: between bold runs and before a "- " item.
 */

const ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;

function cellLines(cell: string): string[] {
  return cell
    .replace(/\*\*\s+\*\*/g, '**\n**')
    .replace(/([;:][*_]{0,3})\s+-\s+(?=\S)/g, '$1\n- ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Unfolds Markdown pipe-table rows into plain lines; other lines pass through. */
export function unfoldPipeTables(lines: readonly string[]): string[] {
  if (!lines.some((l) => l.trimStart().startsWith('|') && ROW.test(l))) return [...lines];
  const out: string[] = [];
  for (const line of lines) {
    if (!ROW.test(line)) out.push(line);
    else if (SEPARATOR.test(line)) out.push('');
    else {
      // "\|" is a literal bar inside a cell.
      const cells = line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/);
      for (const cell of cells) out.push(...cellLines(cell));
    }
  }
  return out;
}
