import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../errors.js';
import { cleanForOcr, loadImage, previewJpeg, sniffImage, type InkMarks, type RgbImage } from './image.js';
import { readingOrder, type PageText, type PlacedWord } from './layout.js';
import { DOCUMENT_LIMITS, type DocumentLimits } from './limits.js';
import { meanConfidence, ocrAvailable, ocrPage, ocrUnavailable } from './ocr.js';
import { decodePpm, extractPdfWords, inspectPdf, renderDpi, renderPdfPage } from './pdf.js';

export type DocumentKind = 'pdf' | 'image';

export interface DocumentPage {
  /** 1-based. */
  page: number;
  /** Where the words came from: the PDF's own text, OCR, or nowhere (no OCR available). */
  source: 'text' | 'ocr' | 'none';
  /** Mean OCR word confidence 0–100; null for a text layer. */
  confidence: number | null;
  skewDegrees: number | null;
  marks: InkMarks;
  /** JPEG preview for the officer, when asked for. */
  preview: Buffer | null;
  previewWidth: number;
  previewHeight: number;
}

export interface ReadDocument {
  kind: DocumentKind;
  text: string;
  pages: DocumentPage[];
  /** Words in reading order with their confidence and neighbours. */
  words: PlacedWord[];
  /** Things the officer should know, in Vietnamese. */
  warnings: string[];
}

export interface ReadOptions {
  limits?: DocumentLimits;
  /** false: text layers only (the inline parse route); a page that needs OCR is refused. */
  ocr?: boolean;
  previews?: boolean;
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Stop between pages once this much time has passed. */
  deadlineMs?: number;
}

/** PDF, PNG or JPEG by their first bytes (names lie); null for anything else. */
export function documentKind(data: Buffer): DocumentKind | null {
  // the header may follow a few bytes of junk (some mail gateways add them), not a page of text
  const at = data.subarray(0, 64).indexOf('%PDF-');
  if (at >= 0 && !/[\p{L}]{3}/u.test(data.subarray(0, at).toString('latin1'))) return 'pdf';
  return sniffImage(data) ? 'image' : null;
}

// TCVN3 (ABC) and VNI fonts without a Unicode map turn "Cộng hòa" into "Céng hoµ": these
// characters never occur in Vietnamese written in Unicode
const LEGACY_FONT = /[µ¸¶·®¬¦¨ª«©¢£¤¥§¹º»¼½¾¿ÆÇËÌÎÏÑÖÜÞßäëïöüøåæçñþÿ\ue000-\uf8ff\ufffd]/gu;

/** Whether a page's text layer is real text: enough letters, not a legacy-font mojibake. */
export function textLayerProblem(page: PageText | undefined): 'none' | 'legacy' | null {
  const text = (page?.lines ?? [])
    .flat()
    .map((w) => w.text)
    .join(' ');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return 'none';
  if ((text.match(LEGACY_FONT) ?? []).length > 0.03 * letters) return 'legacy';
  return null;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}

const NO_MARKS: InkMarks = { stamp: [], signature: [] };

async function ocrImage(img: RgbImage, limits: DocumentLimits, previews: boolean) {
  const preview = previews ? await previewJpeg(img) : null;
  const clean = await cleanForOcr(img);
  const words = await ocrPage(clean.png, { width: img.width, height: img.height, dpi: img.dpi }, limits);
  const page: Omit<DocumentPage, 'page'> = {
    source: 'ocr',
    confidence: meanConfidence(words),
    skewDegrees: clean.skew,
    marks: clean.marks,
    preview,
    previewWidth: Math.min(1200, img.width),
    previewHeight: Math.round((img.height * Math.min(1200, img.width)) / img.width),
  };
  return { page, words };
}

/**
 * Reads a dispatch from a PDF or a photo: per page the PDF's own text when it has one,
 * OCR when it does not (scans, photos, pages in legacy fonts). Bounded by `limits`
 * throughout; throws AppError with a message for the person who uploaded the file.
 */
export async function readDocument(data: Buffer, opts: ReadOptions = {}): Promise<ReadDocument> {
  const limits = opts.limits ?? DOCUMENT_LIMITS;
  const useOcr = opts.ocr ?? true;
  const previews = opts.previews ?? false;
  const started = Date.now();
  const deadline = opts.deadlineMs ?? 15 * 60_000;
  const checkTime = () => {
    if (Date.now() - started > deadline) {
      throw new AppError('IMPORT_FAILED', `Đọc tệp quá ${Math.round(deadline / 60_000)} phút, đã dừng / reading took too long and was stopped`, {
        reason: 'deadline',
      });
    }
  };
  if (data.length === 0) throw new AppError('BAD_REQUEST', 'Tệp rỗng / the file is empty');
  if (data.length > limits.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp quá lớn (tối đa ${limits.maxBytes / 1024 / 1024} MB) / file too large (max ${limits.maxBytes / 1024 / 1024} MB)`,
    );
  }
  const kind = documentKind(data);
  if (!kind) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận PDF, PNG hoặc JPEG / only PDF, PNG or JPEG');

  if (kind === 'image') {
    if (!useOcr) throw needsOcr();
    if (!(await ocrAvailable())) throw ocrUnavailable();
    await opts.onProgress?.(0, 1);
    const img = await loadImage(data, limits);
    const { page, words } = await ocrImage(img, limits, previews);
    await opts.onProgress?.(1, 1);
    const reading = readingOrder([words]);
    return { kind, text: reading.text, pages: [{ page: 1, ...page }], words: reading.words, warnings: [] };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-doc-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, data);
    const info = await inspectPdf(file, limits);
    const layers = await extractPdfWords(file, info.pages, limits);
    const problems = info.sizes.map((_, i) => textLayerProblem(layers[i]));
    const warnings: string[] = [];
    const needOcr = problems.flatMap((p, i) => (p ? [i + 1] : []));
    let ocrOk = needOcr.length > 0 && useOcr && (await ocrAvailable());
    if (needOcr.length > 0 && !ocrOk) {
      if (needOcr.length === info.pages) throw useOcr ? ocrUnavailable() : needsOcr();
      if (!useOcr) throw needsOcr();
      warnings.push(`Trang ${needOcr.join(', ')} là ảnh quét nhưng máy chủ chưa cài Tesseract OCR nên chưa đọc được; hãy nhập tay phần này`);
      ocrOk = false;
    }
    for (const [i, p] of problems.entries()) {
      if (p === 'legacy') warnings.push(`Trang ${i + 1} dùng phông chữ cũ (TCVN3/VNI) nên được đọc bằng OCR`);
    }
    let done = 0;
    await opts.onProgress?.(0, info.pages);
    const read = await mapLimit(
      info.sizes.map((size, i) => ({ size, i })),
      limits.concurrency,
      async ({ size, i }) => {
        checkTime();
        const n = i + 1;
        let result: { page: DocumentPage; words: PageText };
        if (!problems[i] || !ocrOk) {
          const words = problems[i] ? { width: size.width, height: size.height, lines: [] } : layers[i]!;
          const previewDpi = Math.max(36, Math.min(150, Math.round((1000 * 72) / size.width)));
          result = {
            words,
            page: {
              page: n,
              source: problems[i] ? 'none' : 'text',
              confidence: null,
              skewDegrees: null,
              marks: NO_MARKS,
              preview: previews ? await renderPdfPage(file, n, previewDpi, 'jpeg', limits) : null,
              previewWidth: Math.round((size.width * previewDpi) / 72),
              previewHeight: Math.round((size.height * previewDpi) / 72),
            },
          };
        } else {
          const dpi = renderDpi(size, limits);
          const img = { ...decodePpm(await renderPdfPage(file, n, dpi, 'ppm', limits)), dpi };
          const o = await ocrImage(img, limits, previews);
          result = { words: o.words, page: { page: n, ...o.page } };
        }
        done += 1;
        await opts.onProgress?.(done, info.pages);
        return result;
      },
    );
    const reading = readingOrder(read.map((r) => r.words));
    if (reading.text.length > limits.maxTextChars) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'Văn bản trong tệp PDF quá dài / the PDF holds too much text');
    }
    return { kind, text: reading.text, pages: read.map((r) => r.page), words: reading.words, warnings };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface DocumentCheck {
  kind: DocumentKind;
  pages: number;
  /** 1-based pages without a usable text layer (all of them for a photo). */
  needOcr: number[];
}

/**
 * The cheap checks, before a file is accepted for a background import: type, size, password,
 * damage, page count and size, pixel count, and which pages will need OCR. Takes well under a
 * second; nothing is stored, and a bad file is refused with its reason there and then.
 */
export async function checkDocument(data: Buffer, limits: DocumentLimits = DOCUMENT_LIMITS): Promise<DocumentCheck> {
  if (data.length === 0) throw new AppError('BAD_REQUEST', 'Tệp rỗng / the file is empty');
  if (data.length > limits.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp quá lớn (tối đa ${limits.maxBytes / 1024 / 1024} MB) / file too large (max ${limits.maxBytes / 1024 / 1024} MB)`,
    );
  }
  const kind = documentKind(data);
  if (!kind) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Chỉ nhận PDF, PNG hoặc JPEG (văn bản .txt/.docx: dùng chức năng phân tích văn bản) / only PDF, PNG or JPEG (for .txt/.docx use the text parser)',
    );
  }
  if (kind === 'image') {
    // the header only (nothing decoded), so the size can be named before refusing it
    const meta = await sharp(data, { limitInputPixels: false })
      .metadata()
      .catch(() => null);
    if (!meta?.width || !meta.height)
      throw new AppError('IMPORT_FAILED', 'Không đọc được ảnh (tệp hỏng?) / cannot read the image (damaged?)', { reason: 'corrupt' });
    if (meta.width * meta.height > limits.maxImagePixels) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Ảnh ${meta.width} × ${meta.height} điểm ảnh quá lớn (tối đa ${Math.round(limits.maxImagePixels / 1e6)} triệu điểm ảnh) / the image is too large (max ${Math.round(limits.maxImagePixels / 1e6)} megapixels)`,
        { reason: 'pixels' },
      );
    }
    return { kind, pages: 1, needOcr: [1] };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-doc-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, data);
    const info = await inspectPdf(file, limits);
    const layers = await extractPdfWords(file, info.pages, limits);
    return { kind, pages: info.pages, needOcr: info.sizes.flatMap((_, i) => (textLayerProblem(layers[i]) ? [i + 1] : [])) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function needsOcr(): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Tệp này là ảnh hoặc bản quét, cần nhận dạng chữ (OCR): hãy dùng chức năng nhập tệp (POST /api/v1/directives/imports) / this is an image or a scan and needs OCR: use the document import (POST /api/v1/directives/imports)',
    { reason: 'needs_ocr' },
  );
}
