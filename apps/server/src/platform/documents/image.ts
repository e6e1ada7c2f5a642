import sharp from 'sharp';
import { AppError } from '../errors.js';
import type { DocumentLimits } from './limits.js';

/** A region in the page image, as fractions of its width and height (resolution-free, for the UI). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RgbImage {
  data: Buffer;
  width: number;
  height: number;
  /** Resolution the image is (now) at. */
  dpi: number;
}

export function sniffImage(data: Buffer): 'png' | 'jpeg' | null {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  return null;
}

const A4_WIDTH_IN = 8.27;

/**
 * A photo or scanned page decoded to RGB at about `dpi`: EXIF orientation applied, the
 * declared density used when it is believable, otherwise the page assumed to be A4 across
 * (a phone photo of a sheet). Decoding is bounded by `limitInputPixels`, so a 100-megapixel
 * "photo" is refused before it is decoded.
 */
export async function loadImage(data: Buffer, limits: DocumentLimits, dpi = limits.dpi): Promise<RgbImage> {
  let meta: sharp.Metadata;
  try {
    // the header only (nothing decoded), so the size can be named before refusing it
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('IMPORT_FAILED', 'Không đọc được ảnh (tệp hỏng hoặc không phải PNG/JPEG) / cannot read the image', { reason: 'corrupt' });
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > limits.maxImagePixels) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Ảnh ${w} × ${h} điểm ảnh quá lớn (tối đa ${Math.round(limits.maxImagePixels / 1e6)} triệu điểm ảnh) / the image is too large (max ${Math.round(limits.maxImagePixels / 1e6)} megapixels)`,
      { reason: 'pixels' },
    );
  }
  if (w < 200 || h < 200) throw new AppError('IMPORT_FAILED', 'Ảnh quá nhỏ để đọc chữ / the image is too small to read', { reason: 'tiny' });
  const portraitWidth = (meta.orientation ?? 1) >= 5 ? h : w;
  const declared = meta.density && meta.density >= 100 && meta.density <= 1200 ? meta.density : null;
  const source = declared ?? Math.max(72, portraitWidth / A4_WIDTH_IN);
  const scale = Math.min(3, Math.max(0.25, dpi / source));
  try {
    const img = sharp(data, { limitInputPixels: limits.maxImagePixels })
      .rotate()
      .resize({ width: Math.round(portraitWidth * scale), kernel: 'lanczos3' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha();
    const { data: raw, info } = await img.raw().toBuffer({ resolveWithObject: true });
    return { data: raw, width: info.width, height: info.height, dpi: Math.round(source * scale) };
  } catch {
    throw new AppError('IMPORT_FAILED', 'Không đọc được ảnh (tệp hỏng?) / cannot decode the image', { reason: 'corrupt' });
  }
}

export interface InkMarks {
  /** Red ink: the round stamp (con dấu). */
  stamp: Box[];
  /** Blue ink: the signature. */
  signature: Box[];
}

const CELL = 24;

/** Groups flagged grid cells into boxes (4-connected), dropping specks of a cell or two. */
function boxesOf(cells: Uint8Array, cols: number, rows: number, width: number, height: number, minCells: number): Box[] {
  const seen = new Uint8Array(cells.length);
  const boxes: Box[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i] || seen[i]) continue;
    let [x0, y0, x1, y1, n] = [cols, rows, 0, 0, 0];
    const stack = [i];
    seen[i] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % cols;
      const cy = (c - cx) / cols;
      n++;
      x0 = Math.min(x0, cx);
      y0 = Math.min(y0, cy);
      x1 = Math.max(x1, cx);
      y1 = Math.max(y1, cy);
      for (const [dx, dy] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const nx = cx + dx;
        const ny = cy + dy;
        const j = ny * cols + nx;
        if (nx >= 0 && ny >= 0 && nx < cols && ny < rows && cells[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    if (n >= minCells) {
      boxes.push({ x: (x0 * CELL) / width, y: (y0 * CELL) / height, w: ((x1 - x0 + 1) * CELL) / width, h: ((y1 - y0 + 1) * CELL) / height });
    }
  }
  return boxes.slice(0, 20);
}

/**
 * Finds red (stamp) and blue (signature) ink and takes it out of the page before OCR.
 * Red ink passes red light, so under a stamp the red channel still shows the black print
 * (black absorbs every colour) on white paper: a red pixel becomes the grey of its red
 * channel, a blue one of its blue channel. The seal's lettering and the signature vanish,
 * the signer's title and name underneath stay. Greyscale scans have no colour to go by:
 * their stamps stay, and the confidence map flags what they garble.
 */
export function removeColouredInk(img: RgbImage): InkMarks {
  const { data, width, height } = img;
  const cols = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  const red = new Uint16Array(cols * rows);
  const blue = new Uint16Array(cols * rows);
  for (let y = 0, i = 0; y < height; y++) {
    const rowBase = Math.floor(y / CELL) * cols;
    for (let x = 0; x < width; x++, i += 3) {
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      if (r - Math.max(g, b) > 40) {
        if (r > 110) red[rowBase + Math.floor(x / CELL)]!++;
        data[i + 1] = data[i + 2] = r;
      } else if (b - r > 35 && b - g > 15) {
        if (b > 80) blue[rowBase + Math.floor(x / CELL)]!++;
        data[i] = data[i + 1] = b;
      }
    }
  }
  const flagged = (counts: Uint16Array) => Uint8Array.from(counts, (n) => (n > (CELL * CELL) / 40 ? 1 : 0));
  return {
    stamp: mergeBoxes(boxesOf(flagged(red), cols, rows, width, height, 12)),
    signature: mergeBoxes(boxesOf(flagged(blue), cols, rows, width, height, 6)),
  };
}

/** Boxes that overlap (pieces of one ring of a stamp) become one. */
export function mergeBoxes(boxes: Box[]): Box[] {
  const out = [...boxes];
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length && !merged; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h) {
          const x = Math.min(a.x, b.x);
          const y = Math.min(a.y, b.y);
          out[i] = { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
          out.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return out;
}

/** Otsu's threshold of a greyscale buffer. */
export function otsu(grey: Buffer): number {
  const hist = new Float64Array(256);
  for (const v of grey) hist[v]!++;
  const total = grey.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let [sumB, wB, best, threshold] = [0, 0, -1, 128];
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * The skew of the text lines in degrees (positive: lines rise to the right), by projection
 * profiles: the dark pixels are projected onto the vertical axis at each candidate angle,
 * and the angle whose profile has the sharpest peaks (lines of text, gaps between them)
 * wins. Coarse 0.5° steps over ±10°, then 0.05° steps around the best.
 */
export function estimateSkew(grey: Buffer, width: number, height: number): number {
  const t = otsu(grey);
  const xs: number[] = [];
  const ys: number[] = [];
  // a sample of dark pixels is enough and keeps this linear in the page, not in angles × pixels
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / 400_000)));
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (grey[y * width + x]! < t) {
        xs.push(x - width / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200) return 0;
  // bins one sample apart: finer bins would leave every other one empty at 0° and make 0° always win
  const bins = new Float64Array(Math.ceil((height + width) / step) + 2);
  const score = (deg: number) => {
    const s = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round((ys[i]! + xs[i]! * s + width / 2) / step);
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let v = 0;
    for (let i = 1; i < bins.length; i++) v += (bins[i]! - bins[i - 1]!) ** 2;
    return v;
  };
  const search = (from: number, to: number, by: number, start: number) => {
    let [best, bestScore] = [start, score(start)];
    for (let a = from; a <= to + 1e-9; a += by) {
      const v = score(a);
      if (v > bestScore) [best, bestScore] = [a, v];
    }
    return best;
  };
  const coarse = search(-10, 10, 0.5, 0);
  return Math.round(search(coarse - 0.5, coarse + 0.5, 0.05, coarse) * 100) / 100;
}

/** Grey levels either side of Otsu's threshold kept as a ramp when binarising (see cleanForOcr). */
export const BINARISE_RAMP = 40;

/**
 * The page as Tesseract wants it: coloured ink removed, grey, straightened, binarised.
 * Binarised with a ramp: paper brighter than Otsu's threshold + 40 becomes white (the grain
 * and specks go), ink darker than threshold − 40 black, and the few levels between stay
 * grey. Tesseract's LSTM recogniser reads those edge levels; a hard 0/255 page lost
 * diacritics and scored 10–15 points lower on the seed scans (bench/src/ocr-bench.ts).
 */
export async function cleanForOcr(page: RgbImage): Promise<{ png: Buffer; skew: number; marks: InkMarks }> {
  // a copy: the caller keeps the page as scanned, stamp and all, for the preview
  const img = { ...page, data: Buffer.from(page.data) };
  const marks = removeColouredInk(img);
  // sharp widens single-channel pipelines to sRGB unless told otherwise: every grey step ends in 'b-w'
  const grey = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const one = (w: number, h: number) => ({ raw: { width: w, height: h, channels: 1 as const } });
  // the angle is measured on a smaller copy: text lines are still lines at a third of the size
  const small = await sharp(grey, one(img.width, img.height))
    .resize({ width: Math.min(1000, img.width) })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const skew = estimateSkew(small.data, small.info.width, small.info.height);
  let pipeline = sharp(grey, one(img.width, img.height));
  if (Math.abs(skew) >= 0.1) pipeline = pipeline.rotate(skew, { background: '#ffffff' });
  const straight = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const t = otsu(straight.data);
  const scale = 255 / (2 * BINARISE_RAMP);
  const png = await sharp(straight.data, one(straight.info.width, straight.info.height))
    .linear(scale, -(t - BINARISE_RAMP) * scale)
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, skew, marks };
}

/** A page preview for the officer, ~1,200 px wide. */
export async function previewJpeg(img: RgbImage): Promise<Buffer> {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize({ width: Math.min(1200, img.width) })
    .jpeg({ quality: 72, mozjpeg: false })
    .toBuffer();
}
