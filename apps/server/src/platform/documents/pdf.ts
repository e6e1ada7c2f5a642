import { AppError } from '../errors.js';
import type { DocumentLimits } from './limits.js';
import type { PageText, Word } from './layout.js';
import { runTool } from './run-tool.js';

export interface PdfInfo {
  pages: number;
  /** Size of each page in points, rotation applied. */
  sizes: { width: number; height: number }[];
  /** Encrypted without a password to open (permissions only): readable. */
  restricted: boolean;
}

const NO_PASSWORD = /incorrect password|command line error: incorrect/i;

/**
 * pdfinfo's view of the file, refusing before any rendering what cannot or should not be
 * read: a password, a broken file, too many pages, pages of absurd size (a PDF bomb that
 * would ask for a gigapixel bitmap).
 */
export async function inspectPdf(file: string, limits: DocumentLimits): Promise<PdfInfo> {
  let out: string;
  try {
    out = (
      await runTool('pdfinfo', ['-f', '1', '-l', String(limits.maxPages + 1), file], {
        timeoutMs: limits.timeouts.pdfinfo,
        maxBuffer: 1024 * 1024,
        memoryBytes: limits.toolMemoryBytes,
        failure: 'Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF) / the PDF is damaged or not a PDF',
      })
    ).toString('utf8');
  } catch (err) {
    if (err instanceof AppError && NO_PASSWORD.test(String((err.details as { stderr?: string } | undefined)?.stderr ?? ''))) {
      throw new AppError(
        'IMPORT_FAILED',
        'Tệp PDF được đặt mật khẩu nên không đọc được; hãy gửi bản không mật khẩu / the PDF is password-protected: upload an unprotected copy',
        { reason: 'encrypted' },
      );
    }
    throw err;
  }
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? NaN);
  if (!Number.isFinite(pages) || pages < 1) {
    throw new AppError('IMPORT_FAILED', 'Tệp PDF không có trang nào đọc được / the PDF has no readable page', { reason: 'corrupt' });
  }
  if (pages > limits.maxPages) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp PDF có ${pages} trang, quá giới hạn ${limits.maxPages} trang của một công văn; hãy tách riêng phần công văn / the PDF has ${pages} pages, more than the ${limits.maxPages}-page limit`,
      { reason: 'too_many_pages', pages, maxPages: limits.maxPages },
    );
  }
  const sizes: PdfInfo['sizes'] = [];
  for (const m of out.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)) {
    const rot = Number(new RegExp(`^Page\\s+${m[1]} rot:\\s+(\\d+)`, 'm').exec(out)?.[1] ?? 0);
    const [w, h] = [Number(m[2]), Number(m[3])];
    sizes.push(rot % 180 === 90 ? { width: h, height: w } : { width: w, height: h });
  }
  // without per-page lines (old poppler), every page has the document's size
  if (sizes.length === 0) {
    const m = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(out);
    for (let i = 0; i < pages; i++) sizes.push({ width: Number(m?.[1] ?? 595), height: Number(m?.[2] ?? 842) });
  }
  const huge = sizes.findIndex((s) => !(s.width > 0 && s.height > 0) || Math.max(s.width, s.height) > limits.maxPageSidePt);
  if (huge >= 0) {
    const s = sizes[huge]!;
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Trang ${huge + 1} có khổ ${Math.round((s.width / 72) * 2.54)} × ${Math.round((s.height / 72) * 2.54)} cm, không phải khổ giấy văn bản / page ${huge + 1} is not a document page size`,
      { reason: 'page_size', page: huge + 1 },
    );
  }
  return { pages, sizes, restricted: /^Encrypted:\s+yes/m.test(out) };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });

const TOKEN =
  /<page width="([\d.]+)" height="([\d.]+)">|<line\b[^>]*>|<\/line>|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g;

/** pdftotext -bbox-layout's XHTML → pages of lines of words, in points from the top left. */
export function parseBboxLayout(xhtml: string): PageText[] {
  const pages: PageText[] = [];
  let page: PageText | null = null;
  let line: Word[] | null = null;
  for (const m of xhtml.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      page = { width: Number(m[1]), height: Number(m[2]), lines: [] };
      pages.push(page);
    } else if (m[0].startsWith('<line')) line = [];
    else if (m[0] === '</line>') {
      if (page && line && line.length > 0) page.lines.push(line);
      line = null;
    } else if (line && m[7] !== undefined) {
      const text = decode(m[7]).normalize('NFC').trim();
      if (text) line.push({ text, x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]), conf: null });
    }
  }
  return pages;
}

/** The text layer of pages 1…n with word boxes; pages without text come back with no lines. */
export async function extractPdfWords(file: string, pages: number, limits: DocumentLimits): Promise<PageText[]> {
  const out = await runTool('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-f', '1', '-l', String(pages), file, '-'], {
    timeoutMs: limits.timeouts.pdftotext,
    // the XHTML is ~15× the text it carries
    maxBuffer: limits.maxTextChars * 16,
    memoryBytes: limits.toolMemoryBytes,
    failure: 'Không trích được chữ từ tệp PDF (tệp hỏng?) / cannot extract the PDF text (damaged file?)',
  });
  return parseBboxLayout(out.toString('utf8'));
}

/** The dpi at which a page of this size stays within the pixel budget. */
export function renderDpi(size: { width: number; height: number }, limits: DocumentLimits, wanted = limits.dpi): number {
  const inches = (size.width / 72) * (size.height / 72);
  return Math.max(36, Math.min(wanted, Math.floor(Math.sqrt(limits.maxRasterPixels / inches))));
}

/**
 * One page from pdftoppm: raw PPM (for OCR: compressing a noisy 300 dpi page to PNG costs
 * pdftoppm ten seconds, PPM costs nothing) or a JPEG (for the preview).
 */
export async function renderPdfPage(file: string, page: number, dpi: number, format: 'ppm' | 'jpeg', limits: DocumentLimits): Promise<Buffer> {
  const args = ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile'];
  if (format === 'jpeg') args.push('-jpeg', '-jpegopt', 'quality=80');
  args.push(file);
  return runTool('pdftoppm', args, {
    timeoutMs: limits.timeouts.pdftoppm,
    maxBuffer: limits.maxRasterPixels * 3 + 1024,
    memoryBytes: limits.toolMemoryBytes,
    failure: `Không dựng được hình trang ${page} của tệp PDF / cannot render page ${page}`,
  });
}

/** A binary PPM (P6, 8 bits) as raw RGB. */
export function decodePpm(ppm: Buffer): { data: Buffer; width: number; height: number } {
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!head) throw new AppError('IMPORT_FAILED', 'pdftoppm trả về ảnh không đọc được / pdftoppm returned an unreadable image');
  const width = Number(head[1]);
  const height = Number(head[2]);
  const data = ppm.subarray(head[0].length, head[0].length + width * height * 3);
  if (data.length !== width * height * 3) throw new AppError('IMPORT_FAILED', 'Ảnh trang PDF bị cắt cụt / truncated page image');
  return { data, width, height };
}
