import { ARCHIVE_LIMITS, checkArchive, type ArchiveLimits } from '../archive/index.js';
import { runInWorker, type WorkerRun } from './run-in-worker.js';

const DOCX_WORKER = new URL('./docx-text.worker.mjs', import.meta.url);

/**
 * mammoth keeps the whole package, a DOM of document.xml and the text in memory, ~20 times the
 * XML's size (measured: 4 MiB of dense paragraphs, 2 million characters, fit in 256 MB; 12 MiB do
 * not). That covers MAX_DISPATCH_TEXT with room to spare; past it the worker dies, not the server.
 */
export const DOCX_WORKER_LIMITS: Omit<WorkerRun, 'failure'> = {
  timeoutMs: 30_000,
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
};

/**
 * The text of an uploaded .docx. The archive goes through the guarded reader first (a zip bomb
 * is refused with the limit it crossed, without inflating more than the limits), then mammoth
 * reads it in a worker thread with a capped heap and a deadline, so a document that still
 * overwhelms it costs a 413/422, never the server.
 */
export async function readDocxText(
  data: Buffer,
  o: { filename: string; limits?: ArchiveLimits; worker?: Partial<Omit<WorkerRun, 'failure'>> },
): Promise<string> {
  await checkArchive(data, { limits: o.limits ?? ARCHIVE_LIMITS.docx });
  const failure = { vi: `Không đọc được tệp Word "${o.filename}" (hỏng hoặc không phải .docx)`, en: 'cannot read this .docx' };
  return runInWorker<string>(DOCX_WORKER, { data }, { ...DOCX_WORKER_LIMITS, ...o.worker, failure });
}
