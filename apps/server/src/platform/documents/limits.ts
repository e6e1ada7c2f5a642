/**
 * Bounds on reading an uploaded PDF or photo. A công văn is a few A4 pages; anything far
 * outside that is refused with a message before any expensive work starts, and every
 * external tool runs with a time, output and memory cap (see run-tool.ts).
 */
export interface DocumentLimits {
  /** Bytes of one upload (PDF or image). */
  maxBytes: number;
  /** Pages of one PDF; more is refused, not truncated: a dispatch is never 50 pages. */
  maxPages: number;
  /** Largest page side in PDF points (1/72 in): A2 is 1191 × 1684 pt. */
  maxPageSidePt: number;
  /** Pixels of a decoded photo (sharp `limitInputPixels`): a 48 MP phone camera fits. */
  maxImagePixels: number;
  /** Pixels of one rendered PDF page; the dpi is lowered for big pages to stay under it. */
  maxRasterPixels: number;
  /** Resolution pages are read at (Tesseract is trained on ~300 dpi text). */
  dpi: number;
  /** Characters of text taken from a PDF's text layer. */
  maxTextChars: number;
  timeouts: { pdfinfo: number; pdftotext: number; pdftoppm: number; tesseract: number };
  /** Address-space cap of each external tool. */
  toolMemoryBytes: number;
  /** Pages read at the same time (one Tesseract process each, one thread each). */
  concurrency: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 50,
  maxPageSidePt: 1700,
  maxImagePixels: 60_000_000,
  maxRasterPixels: 40_000_000,
  dpi: 300,
  maxTextChars: 2_000_000,
  timeouts: { pdfinfo: 10_000, pdftotext: 30_000, pdftoppm: 30_000, tesseract: 90_000 },
  toolMemoryBytes: 2 * 1024 * 1024 * 1024,
  concurrency: 2,
};

/** Words read with less confidence than this (Tesseract's 0–100) are flagged for a person to check. */
export const LOW_CONFIDENCE = 70;
