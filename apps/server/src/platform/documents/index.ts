// Reading dispatches from PDFs, photos and .docx: poppler for text layers and rendering, sharp for
// image clean-up, Tesseract for OCR, mammoth in a capped worker for .docx. Modules import only this file.
export { DOCUMENT_LIMITS, LOW_CONFIDENCE, type DocumentLimits } from './limits.js';
export {
  checkDocument,
  documentKind,
  readDocument,
  type DocumentCheck,
  type DocumentKind,
  type DocumentPage,
  type ReadDocument,
  type ReadOptions,
} from './read-document.js';
export { flagLowConfidence, type FlaggedField } from './confidence.js';
export { OCR_UNAVAILABLE_MESSAGE, ocrAvailable, ocrUnavailable } from './ocr.js';
export type { Box, InkMarks } from './image.js';
export { DOCX_WORKER_LIMITS, readDocxText } from './docx.js';
export { runInWorker, type WorkerRun } from './run-in-worker.js';
export { docxToPdf, PDF_EXPORT_UNAVAILABLE_MESSAGE, pdfExportUnavailable, type ToPdfOptions } from './to-pdf.js';
