/**
 * Scanned dispatches made from the three seed dispatches, shared by the tests and `npm run bench`.
 *
 * Each seed is read by the text import, laid out per Decree 30 by the product's own DOCX
 * export, printed to PDF by LibreOffice, rasterised at 300 dpi, then "scanned": a red round
 * stamp and a blue signature over the signer block, grain and specks, a small rotation, a
 * slight blur, JPEG. Everything is generated into .tmp/scan-fixtures at run time and cached
 * by content, so a second run costs nothing; nothing here is committed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parseDispatch, type ParsedDispatch } from '@khien/formats';
import { buildDispatchDocx, type DispatchDoc } from '../../src/modules/directives/export/index.js';
import { DOCUMENT_LIMITS } from '../../src/platform/documents/limits.js';
import { extractPdfWords } from '../../src/platform/documents/pdf.js';
import { buildPdf } from './pdf-writer.js';

export const ROOT = path.resolve(import.meta.dirname, '../../../..');
export const SEEDS_DIR = path.resolve(ROOT, '../shared/seeds');
export const CACHE_DIR = path.join(ROOT, '.tmp', 'scan-fixtures');
// bump when the generator changes, so cached scans are made again
const VERSION = 'v1';

export interface Seed {
  name: string;
  text: string;
  parsed: ParsedDispatch;
}

export function loadSeeds(): Seed[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8');
      return { name: f.replace(/\.txt$/, ''), text, parsed: parseDispatch(text) };
    });
}

// two seeds start below their header block; the printed page needs an issuing body
const ISSUER: Record<string, string> = {
  'dispatch-muong-lay-2026': 'Ủy ban nhân dân phường Mường Lay',
  'dispatch-quang-ngai-2025': 'Ủy ban nhân dân xã',
};

/** The seed as printed: exactly what the text import read from it, laid out by the DOCX export. */
export function seedDispatchDoc(seed: Seed): DispatchDoc {
  const p = seed.parsed;
  return {
    parentBody: null,
    issuingBody: p.issuer ?? ISSUER[seed.name] ?? 'Ủy ban nhân dân',
    number: p.number,
    place: p.place,
    date: p.date,
    subject: p.subject ?? '',
    recipients: p.recipients,
    preamble: p.preamble,
    // a heading that is itself the first task is printed once, as the heading
    sections: p.sections.map((s) => ({ heading: s.heading, tasks: s.tasks[0] === s.heading ? s.tasks.slice(1) : s.tasks })),
    closing: p.closing,
    signer: p.signer,
    copiesTo: p.copiesTo,
  };
}

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256').update(VERSION);
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** DOCX → PDF with LibreOffice, one run for all documents not cached yet. */
export async function renderPdfs(docs: Record<string, DispatchDoc>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const todo: { name: string; docx: Buffer; target: string }[] = [];
  for (const [name, doc] of Object.entries(docs)) {
    const docx = await buildDispatchDocx(doc);
    const target = path.join(CACHE_DIR, `${name}-${hash(JSON.stringify(doc))}.pdf`);
    out[name] = target;
    if (!fs.existsSync(target)) todo.push({ name, docx, target });
  }
  if (todo.length > 0) {
    const work = fs.mkdtempSync(path.join(ROOT, '.tmp', 'scan-render-'));
    try {
      const inputs = todo.map((t) => {
        const f = path.join(work, `${path.basename(t.target, '.pdf')}.docx`);
        fs.writeFileSync(f, t.docx);
        return f;
      });
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...inputs],
        { stdio: 'ignore', timeout: 180_000 },
      );
      for (const t of todo) {
        fs.mkdirSync(CACHE_DIR, { recursive: true });
        fs.renameSync(path.join(work, path.basename(t.target)), t.target);
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  return out;
}

/** A one-page dispatch (Mường Lay with one section), for single-photo fixtures. */
export function shortDispatchDoc(): DispatchDoc {
  const seed = loadSeeds().find((s) => s.name === 'dispatch-muong-lay-2026')!;
  const doc = seedDispatchDoc(seed);
  return { ...doc, preamble: doc.preamble.split('\n')[0] ?? '', sections: doc.sections.slice(1, 2) };
}

/** Page 1 of one PDF and page 2 of another, as one PDF (poppler's pdfseparate and pdfunite). */
export function mixedPdf(first: string, second: string): string {
  const target = path.join(CACHE_DIR, `mixed-${hash(fs.readFileSync(first), fs.readFileSync(second))}.pdf`);
  if (fs.existsSync(target)) return target;
  const work = fs.mkdtempSync(path.join(ROOT, '.tmp', 'scan-mixed-'));
  try {
    execFileSync('pdfseparate', ['-f', '1', '-l', '1', first, path.join(work, 'a-%d.pdf')]);
    execFileSync('pdfseparate', ['-f', '2', '-l', '2', second, path.join(work, 'b-%d.pdf')]);
    execFileSync('pdfunite', [path.join(work, 'a-1.pdf'), path.join(work, 'b-2.pdf'), path.join(work, 'mixed.pdf')]);
    fs.renameSync(path.join(work, 'mixed.pdf'), target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return target;
}

/** The seeds printed to PDF (text layer), by seed name. */
export async function seedPdfs(): Promise<Record<string, string>> {
  return renderPdfs(Object.fromEntries(loadSeeds().map((s) => [s.name, seedDispatchDoc(s)])));
}

export interface ScanOptions {
  dpi?: number;
  /** Degrees, counter-clockwise positive (as a sheet fed askew). */
  rotateDeg?: number;
  /** Standard deviation of the grain, in grey levels. */
  noise?: number;
  stamp?: boolean;
  signature?: boolean;
  /** Seed of the pseudo-random grain, so a scan is the same on every run. */
  seed?: number;
}

// mulberry32: a tiny deterministic PRNG
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stampSvg(diameter: number, label: string): string {
  const r = diameter / 2;
  const ring = r - 8;
  const textR = r - 38;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${diameter}" height="${diameter}">
  <defs><path id="arc" d="M ${r - textR},${r} a ${textR},${textR} 0 1,1 ${2 * textR},0 a ${textR},${textR} 0 1,1 ${-2 * textR},0"/></defs>
  <g fill="none" stroke="rgb(214,32,44)" opacity="0.88">
    <circle cx="${r}" cy="${r}" r="${ring}" stroke-width="9"/>
    <circle cx="${r}" cy="${r}" r="${ring - 62}" stroke-width="4"/>
  </g>
  <text font-family="Liberation Serif, Times New Roman, serif" font-size="34" font-weight="bold" fill="rgb(214,32,44)" opacity="0.88" letter-spacing="3">
    <textPath href="#arc" startOffset="2%">${label}</textPath>
  </text>
  <polygon fill="rgb(214,32,44)" opacity="0.88" points="${starPoints(r, r, r * 0.28, r * 0.11)}"/>
</svg>`;
}

function starPoints(cx: number, cy: number, outer: number, inner: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? outer : inner;
    pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(' ');
}

function signatureSvg(w: number, h: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <g fill="none" stroke="rgb(28,58,168)" stroke-width="6" stroke-linecap="round" opacity="0.9">
    <path d="M ${w * 0.05},${h * 0.7} C ${w * 0.2},${h * 0.05} ${w * 0.3},${h * 0.95} ${w * 0.42},${h * 0.4} S ${w * 0.6},${h * 0.1} ${w * 0.7},${h * 0.6} S ${w * 0.85},${h * 0.9} ${w * 0.95},${h * 0.25}"/>
    <path d="M ${w * 0.15},${h * 0.85} C ${w * 0.4},${h * 0.65} ${w * 0.6},${h * 0.75} ${w * 0.9},${h * 0.55}"/>
  </g>
</svg>`;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Where the signature goes on the last page, in points: between the signer's title and name. */
async function signerArea(pdf: string, pages: number, doc: Pick<DispatchDoc, 'signer' | 'issuingBody'>) {
  const words = (await extractPdfWords(pdf, pages, DOCUMENT_LIMITS))[pages - 1];
  const lines = (words?.lines ?? []).map((l) => ({
    text: fold(l.map((w) => w.text).join(' ')),
    x0: l[0]!.x0,
    x1: l[l.length - 1]!.x1,
    y0: l[0]!.y0,
    y1: l[0]!.y1,
  }));
  const name = doc.signer.name ? lines.find((l) => l.text === fold(doc.signer.name!)) : undefined;
  const title = doc.signer.title ? lines.find((l) => l.text === fold(doc.signer.title!)) : undefined;
  if (name && title) return { x: (name.x0 + name.x1) / 2, y: (title.y1 + name.y0) / 2 };
  const noiNhan = lines.find((l) => l.text.startsWith('noi nhan'));
  // no signer printed: where it would be, right of "Nơi nhận"
  return { x: 420, y: (noiNhan?.y0 ?? 600) + 60 };
}

/** Scans a PDF: every page rasterised and degraded; returns the page JPEGs and an image-only PDF. */
export async function scanPdf(
  pdf: string,
  doc: Pick<DispatchDoc, 'signer' | 'issuingBody'>,
  opts: ScanOptions = {},
): Promise<{ pages: string[]; pdf: string; rotateDeg: number }> {
  const o = { dpi: 300, rotateDeg: 2, noise: 14, stamp: true, signature: true, seed: 7, ...opts };
  const key = hash(fs.readFileSync(pdf), JSON.stringify(o), JSON.stringify(doc.signer));
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 1);
  const pageFiles = Array.from({ length: pageCount }, (_, i) => path.join(CACHE_DIR, `${key}-p${i + 1}.jpg`));
  const pdfFile = path.join(CACHE_DIR, `${key}.pdf`);
  if (fs.existsSync(pdfFile) && pageFiles.every((f) => fs.existsSync(f))) return { pages: pageFiles, pdf: pdfFile, rotateDeg: o.rotateDeg };
  fs.mkdirSync(CACHE_DIR, { recursive: true });

  const area = await signerArea(pdf, pageCount, doc);
  const rand = prng(o.seed);
  const jpegs: { data: Buffer; width: number; height: number }[] = [];
  for (let p = 1; p <= pageCount; p++) {
    const png = execFileSync('pdftoppm', ['-r', String(o.dpi), '-f', String(p), '-l', String(p), '-singlefile', '-png', pdf], { maxBuffer: 256 * 1024 * 1024 });
    const base = sharp(png);
    const { width, height } = await base.metadata();
    const W = width!;
    const H = height!;
    const overlays: sharp.OverlayOptions[] = [];
    const px = (pt: number) => Math.round((pt * o.dpi) / 72);
    if (p === pageCount && o.signature) {
      const w = px(150);
      const h = px(45);
      overlays.push({ input: Buffer.from(signatureSvg(w, h)), left: px(area.x) - Math.round(w / 2), top: px(area.y) - Math.round(h / 2), blend: 'multiply' });
    }
    if (p === pageCount && o.stamp) {
      const d = Math.round((40 / 25.4) * o.dpi);
      const label = `${doc.issuingBody.toLocaleUpperCase('vi')} *`;
      // a stamp sits over the left part of the signature and the signer's title and name
      overlays.push({ input: Buffer.from(stampSvg(d, label)), left: px(area.x) - Math.round(d * 0.8), top: px(area.y) - Math.round(d / 2), blend: 'multiply' });
    }
    const inked = await sharp(png).composite(overlays).removeAlpha().raw().toBuffer();
    // grain and specks, deterministic
    for (let i = 0; i < inked.length; i += 3) {
      const n = (rand() + rand() + rand() - 1.5) * 2 * o.noise;
      const speck = rand() < 0.0004 ? -160 : 0;
      for (let c = 0; c < 3; c++) inked[i + c] = Math.max(0, Math.min(255, inked[i + c]! + n + speck));
    }
    const rotated = await sharp(inked, { raw: { width: W, height: H, channels: 3 } })
      .rotate(-o.rotateDeg, { background: { r: 250, g: 250, b: 248 } })
      .toBuffer({ resolveWithObject: true });
    const left = Math.max(0, Math.round((rotated.info.width - W) / 2));
    const top = Math.max(0, Math.round((rotated.info.height - H) / 2));
    const data = await sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: 3 } })
      .extract({ left, top, width: W, height: H })
      .blur(0.6)
      .jpeg({ quality: 85 })
      .withMetadata({ density: o.dpi })
      .toBuffer();
    fs.writeFileSync(pageFiles[p - 1]!, data);
    jpegs.push({ data, width: W, height: H });
  }
  fs.writeFileSync(pdfFile, buildPdf(jpegs.map((j) => ({ widthPt: (j.width * 72) / o.dpi, heightPt: (j.height * 72) / o.dpi, jpeg: j }))));
  return { pages: pageFiles, pdf: pdfFile, rotateDeg: o.rotateDeg };
}

/** Per-seed scan settings for the accuracy check: rotations of 1–3° both ways, the same grain. */
export const SCAN_SETTINGS: Record<string, ScanOptions> = {
  'dispatch-cao-lanh-2024': { rotateDeg: 1.5, seed: 11 },
  'dispatch-muong-lay-2026': { rotateDeg: -2.2, seed: 23 },
  'dispatch-quang-ngai-2025': { rotateDeg: 2.8, seed: 37 },
};

export interface FieldResult {
  field: string;
  expected: string;
  got: string;
  exact: boolean;
  /** 1 − edit distance / length, on whitespace-normalised text. */
  similarity: number;
  ok: boolean;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n]! / Math.max(m, n);
}

/** Texts longer than this may differ by a character or two (≥ 98 % alike) and still count. */
const LONG_TEXT = 60;

/**
 * Field by field, against the text import of the same seed; only fields the text import
 * filled in count. Short fields (number, date, names, counts) must match exactly; long
 * texts (subject, tasks) must be ≥ 98 % alike after whitespace is normalised.
 */
export function compareFields(reference: ParsedDispatch, got: ParsedDispatch): { fields: FieldResult[]; exactPct: number; okPct: number } {
  const pairs: [string, string, string][] = [
    ['number', norm(reference.number), norm(got.number)],
    ['place', norm(reference.place), norm(got.place)],
    ['date', norm(reference.date), norm(got.date)],
    ['subject', norm(reference.subject), norm(got.subject)],
    ['sections.count', String(reference.sections.length), String(got.sections.length)],
    ['tasks.count', String(reference.sections.reduce((n, s) => n + s.tasks.length, 0)), String(got.sections.reduce((n, s) => n + s.tasks.length, 0))],
    ['signer.authority', norm(reference.signer.authority), norm(got.signer.authority)],
    ['signer.title', norm(reference.signer.title), norm(got.signer.title)],
    ['signer.name', norm(reference.signer.name), norm(got.signer.name)],
  ];
  reference.recipients.forEach((r, i) => pairs.push([`recipients.${i}`, norm(r), norm(got.recipients[i])]));
  reference.sections.forEach((s, i) => {
    pairs.push([`sections.${i}.heading`, norm(s.heading), norm(got.sections[i]?.heading)]);
    s.tasks.forEach((t, j) => pairs.push([`sections.${i}.tasks.${j}`, norm(t), norm(got.sections[i]?.tasks[j])]));
  });
  reference.contacts.forEach((c, i) =>
    pairs.push([`contacts.${i}`, `${c.name} ${c.phone}`, got.contacts[i] ? `${got.contacts[i].name} ${got.contacts[i].phone}` : '']),
  );
  reference.copiesTo.forEach((c, i) => pairs.push([`copiesTo.${i}`, norm(c), norm(got.copiesTo[i])]));
  const fields = pairs
    .filter(([, expected]) => expected !== '')
    .map(([field, expected, gotText]) => {
      const sim = similarity(expected, gotText);
      return {
        field,
        expected,
        got: gotText,
        exact: expected === gotText,
        similarity: sim,
        ok: expected === gotText || (expected.length > LONG_TEXT && sim >= 0.98),
      };
    });
  const pct = (n: number) => Math.round((1000 * n) / Math.max(1, fields.length)) / 10;
  return { fields, exactPct: pct(fields.filter((f) => f.exact).length), okPct: pct(fields.filter((f) => f.ok).length) };
}
