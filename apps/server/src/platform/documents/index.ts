// Reading dispatches from PDFs and photos: poppler for text layers and rendering, sharp for
// image clean-up, Tesseract for OCR. Modules import only this file.
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
