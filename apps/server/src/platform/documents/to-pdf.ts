import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors.js';
import { runTool, ToolMissingError } from './run-tool.js';

/** The LibreOffice command: `KHIEN_SOFFICE` points at another binary (or at nothing, to try the product without PDF export). */
export function sofficeCommand(): string {
  return process.env.KHIEN_SOFFICE || 'soffice';
}

export const PDF_EXPORT_UNAVAILABLE_MESSAGE =
  'Máy chủ chưa cài LibreOffice để xuất PDF (gói libreoffice-writer-nogui); tệp Word (.docx) vẫn tải về được / ' +
  'LibreOffice (package libreoffice-writer-nogui) is not installed on the server, so documents cannot be exported to PDF; the .docx still downloads';

export function pdfExportUnavailable(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', PDF_EXPORT_UNAVAILABLE_MESSAGE, { reason: 'pdf_export_unavailable' });
}

export interface ToPdfOptions {
  /** Kill LibreOffice after this long; 60 s by default (a form takes 2–4 s, the first run after boot longer). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
// soffice maps far more address space than it touches; below ~3 GB it fails to start
const SOFFICE_MEMORY_BYTES = 4 * 1024 * 1024 * 1024;

// soffice is a script that starts oosplash, which starts soffice.bin: killing the process we spawned
// would leave soffice.bin running. coreutils' timeout puts them all in its own process group and
// kills the group, so a document that hangs LibreOffice does not keep it alive.
const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p)) ?? null;
const KILLED_BY_TIMEOUT = 137; // 128 + SIGKILL

// one LibreOffice at a time: each takes about 1 GB and a core for 2–4 s, and a burst of exports
// must queue rather than take the server's memory
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task, task);
  queue = result.catch(() => undefined);
  return result;
}

async function convert(docx: Buffer, timeoutMs: number): Promise<Buffer> {
  // a fresh directory per run for the input, the output and LibreOffice's profile: two profiles never
  // share a lock, and nothing of one export is left for the next
  const dir = await mkdtemp(path.join(os.tmpdir(), 'khien-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input];
    const [command, argv] = TIMEOUT ? [TIMEOUT, ['--signal=KILL', `${timeoutMs / 1000}s`, sofficeCommand(), ...args]] : [sofficeCommand(), args];
    try {
      await runTool(command, argv, {
        // the group kill comes first; this one is for a timeout(1) that did not exit
        timeoutMs: timeoutMs + 5_000,
        maxBuffer: 1024 * 1024,
        memoryBytes: SOFFICE_MEMORY_BYTES,
        env: { ...process.env, HOME: dir },
        failure: 'Không chuyển được văn bản sang PDF (LibreOffice lỗi) / LibreOffice could not convert the document to PDF',
      });
    } catch (err) {
      if (err instanceof ToolMissingError) throw pdfExportUnavailable();
      if (TIMEOUT && err instanceof AppError && (err.details as { exitCode?: unknown } | undefined)?.exitCode === KILLED_BY_TIMEOUT) {
        const seconds = Math.max(1, Math.round(timeoutMs / 1000));
        throw new AppError('IMPORT_FAILED', `Chuyển sang PDF quá thời gian (${seconds} giây), đã dừng / the PDF conversion took too long`, { tool: 'soffice' });
      }
      throw err;
    }
    const pdf = await readFile(path.join(dir, 'document.pdf')).catch(() => null);
    // LibreOffice exits 0 without output when it cannot read the file
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new AppError('IMPORT_FAILED', 'LibreOffice không tạo được tệp PDF / LibreOffice wrote no PDF', { tool: 'soffice' });
    }
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A .docx as PDF, through LibreOffice headless (execFile, no shell; bounded in time and memory; one conversion at a time). */
export function docxToPdf(docx: Buffer, opts: ToPdfOptions = {}): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return oneAtATime(() => convert(docx, timeoutMs));
}
