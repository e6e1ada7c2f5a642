import { AppError } from '../errors.js';
import type { DocumentLimits } from './limits.js';
import type { PageText, Word } from './layout.js';
import { runTool, ToolMissingError, toolAvailable } from './run-tool.js';

/** The Tesseract command: `KHIEN_TESSERACT` points at another binary (or at nothing, to try the product without OCR). */
export function tesseractCommand(): string {
  return process.env.KHIEN_TESSERACT || 'tesseract';
}

export const OCR_UNAVAILABLE_MESSAGE =
  'Máy chủ chưa cài Tesseract OCR (gói tesseract-ocr và tesseract-ocr-vie) nên chưa đọc được ảnh chụp và bản quét; tệp PDF có sẵn lớp chữ vẫn nhập được / ' +
  'Tesseract OCR (packages tesseract-ocr, tesseract-ocr-vie) is not installed on the server, so photos and scanned PDFs cannot be read; PDFs with a text layer still work';

export function ocrUnavailable(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', OCR_UNAVAILABLE_MESSAGE, { reason: 'ocr_unavailable' });
}

let languages: Promise<boolean> | null = null;

/**
 * Tesseract answers and has its Vietnamese model (tesseract-ocr-vie): without the model
 * every page would fail, which is the same as no OCR. Cached; `forget` asks again.
 */
export function ocrAvailable(forget = false): Promise<boolean> {
  if (forget) languages = null;
  languages ??= toolAvailable(tesseractCommand(), forget).then(async (present) => {
    if (!present) return false;
    const out = await runTool(tesseractCommand(), ['--list-langs'], { timeoutMs: 10_000, maxBuffer: 64 * 1024, failure: 'tesseract --list-langs' }).catch(
      () => null,
    );
    return out !== null && /^vie$/m.test(out.toString('utf8'));
  });
  return languages;
}

/** Tesseract's TSV: one row per word with its box and confidence; lines by (block, paragraph, line). */
export function parseTesseractTsv(tsv: string, width: number, height: number): PageText {
  const lines = new Map<string, Word[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const text = c.slice(11).join('\t').normalize('NFC').trim();
    const conf = Number(c[10]);
    if (!text || conf < 0) continue;
    const [left, top, w, h] = [Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9])];
    const key = `${c[2]}.${c[3]}.${c[4]}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = []));
    line.push({ text, x0: left, y0: top, x1: left + w, y1: top + h, conf });
  }
  return { width, height, lines: [...lines.values()] };
}

/**
 * OCR of one cleaned page (PNG on stdin) with Vietnamese, one thread: pages are read in
 * parallel instead, which is faster on a small machine than OpenMP inside one page.
 */
export async function ocrPage(png: Buffer, size: { width: number; height: number; dpi: number }, limits: DocumentLimits): Promise<PageText> {
  let out: Buffer;
  try {
    out = await runTool(
      tesseractCommand(),
      ['stdin', 'stdout', '-l', 'vie', '--psm', '3', '--dpi', String(size.dpi), '-c', 'preserve_interword_spaces=0', 'tsv'],
      {
        timeoutMs: limits.timeouts.tesseract,
        maxBuffer: 32 * 1024 * 1024,
        input: png,
        memoryBytes: limits.toolMemoryBytes,
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        failure: 'Không nhận dạng được chữ trên trang (OCR lỗi) / OCR failed on this page',
      },
    );
  } catch (err) {
    if (err instanceof ToolMissingError) throw ocrUnavailable();
    throw err;
  }
  return parseTesseractTsv(out.toString('utf8'), size.width, size.height);
}

export function meanConfidence(page: PageText): number | null {
  const confs = page.lines.flat().map((w) => w.conf ?? 0);
  if (confs.length === 0) return null;
  return Math.round((confs.reduce((a, b) => a + b, 0) / confs.length) * 10) / 10;
}
