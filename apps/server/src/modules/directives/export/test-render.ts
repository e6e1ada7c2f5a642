import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

/** Where the rendered pages are kept for a person to look at (git-ignored, like the Playwright screenshots). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../../../../../e2e/artifacts');

/** One part of an OOXML package (DOCX/XLSX are ZIP files), as text. */
export async function readZipPart(file: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const entry = zip.file(part);
  if (!entry) throw new Error(`${part} is missing from the package`);
  return entry.async('string');
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Fails, never skips, when a tool is missing: a rendering test that passes because nothing rendered hides
 * exactly the regressions it is there for.
 */
export function requireTools(): void {
  if (!onPath('soffice')) {
    throw new Error(
      'soffice is not on PATH: install LibreOffice Writer (apt-get install -y libreoffice-writer-nogui, or libreoffice-writer) to render DOCX to PDF',
    );
  }
  for (const tool of ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfinfo']) {
    if (!onPath(tool)) throw new Error(`${tool} is not on PATH: install poppler-utils (apt-get install -y poppler-utils)`);
  }
}

function run(command: string, args: string[], timeoutMs = 120_000): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

export interface Renderer {
  dir: string;
  /**
   * DOCX → PDF with LibreOffice headless, all in one run (LibreOffice starts once); returns the PDF paths by
   * name and how long the run took.
   */
  toPdf(docs: Record<string, Buffer>): { pdfs: Record<string, string>; ms: number };
  cleanup(): void;
}

/** A private LibreOffice profile per test file, so parallel workers and a user's own LibreOffice never share one. */
export function createRenderer(): Renderer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-decree30-'));
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  return {
    dir,
    toPdf(docs) {
      const inputs = Object.entries(docs).map(([name, docx]) => {
        const input = path.join(dir, `${name}.docx`);
        fs.writeFileSync(input, docx);
        return input;
      });
      const started = performance.now();
      run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...inputs]);
      const ms = Math.round(performance.now() - started);
      const pdfs: Record<string, string> = {};
      for (const name of Object.keys(docs)) {
        const pdf = path.join(dir, `${name}.pdf`);
        if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${name}.docx`);
        pdfs[name] = pdf;
      }
      return { pdfs, ms };
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function pdfPageCount(pdf: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]));
  return Number(m?.[1] ?? 0);
}

/** Text of one page (1-based), NFC so it compares with what was written. */
export function pdfPageText(pdf: string, page: number): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']).normalize('NFC');
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words of one page with their boxes in points (origin top left); the page is 595 × 842 pt. */
export function pdfPageWords(pdf: string, page: number): PdfWord[] {
  const html = run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-']);
  const words: PdfWord[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const text = (m[5] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .normalize('NFC');
    words.push({ text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}

/** The first word equal to `text` (after `after`, if given, in reading order). */
export function findWord(words: readonly PdfWord[], text: string, after?: PdfWord): PdfWord {
  const start = after ? words.indexOf(after) + 1 : 0;
  const word = words.slice(start).find((w) => w.text === text);
  if (!word) throw new Error(`"${text}" is not on the page: ${words.map((w) => w.text).join(' ')}`);
  return word;
}

/** Font names embedded in the PDF (to catch a fallback font standing in for missing Vietnamese glyphs). */
export function pdfFonts(pdf: string): string[] {
  return run('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Page `page` as a PNG at 60 dpi, kept in the artifacts folder under `name`. */
export function renderPagePng(pdf: string, page: number, name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const base = path.join(ARTIFACTS_DIR, name.replace(/\.png$/, ''));
  run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  return `${base}.png`;
}
