import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { runInWorker, type WorkerRun } from './run-in-worker.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-worker-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SERVE = pathToFileURL(path.join(import.meta.dirname, 'worker-serve.mjs')).href;

/** A worker file like docx-text.worker.mjs, with `body` as the work. */
function worker(name: string, body: string): URL {
  const file = path.join(dir, `${name}.mjs`);
  fs.writeFileSync(file, `import { serve } from ${JSON.stringify(SERVE)};\n${body}\n`);
  return pathToFileURL(file);
}

const RUN: WorkerRun = {
  timeoutMs: 20_000,
  maxOldGenerationSizeMb: 64,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4,
  failure: { vi: 'Không đọc được tệp', en: 'cannot read the file' },
};

async function failure(entry: URL, run: WorkerRun = RUN): Promise<AppError> {
  const err = await runInWorker(entry, {}, run).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('runInWorker', () => {
  it('answers with what the worker computed, bytes included', async () => {
    const entry = worker('double', 'await serve(async ({ n, data }) => ({ n: n * 2, length: data.length }));');
    expect(await runInWorker(entry, { n: 21, data: Buffer.alloc(1000) }, RUN)).toEqual({ n: 42, length: 1000 });
  });

  it('a worker that runs out of its heap is a 413 naming the cap, and the process lives on', async () => {
    const entry = worker('hog', 'const keep = [];\nawait serve(async () => { for (;;) keep.push(new Array(100_000).fill(Math.random())); });');
    const err = await failure(entry, { ...RUN, maxOldGenerationSizeMb: 32 });
    expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, details: { limit: 'maxOldGenerationSizeMb', value: 32 } });
    expect(err.message).toBe('Không đọc được tệp: cần quá nhiều bộ nhớ (giới hạn 32 MB) / cannot read the file: needs more than 32 MB of memory');
  });

  it('a worker stuck in a loop is terminated at its deadline: 422 naming the seconds', async () => {
    const entry = worker('loop', 'await serve(async () => { for (;;); });');
    const started = Date.now();
    const err = await failure(entry, { ...RUN, timeoutMs: 500 });
    expect(err).toMatchObject({ code: 'IMPORT_FAILED', status: 422, details: { limit: 'timeoutMs' } });
    expect(err.message).toContain('quá thời gian xử lý (0,5 giây) / cannot read the file: took too long (0.5 s)');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a parser that throws, or a worker that exits or fails to load, is the failure message', async () => {
    const thrown = await failure(worker('throws', "await serve(async () => { throw new Error('bad zip'); });"));
    expect(thrown).toMatchObject({ code: 'IMPORT_FAILED', message: 'Không đọc được tệp / cannot read the file', details: { cause: 'bad zip' } });
    expect(await failure(worker('exits', 'process.exit(3);'))).toMatchObject({ code: 'IMPORT_FAILED', details: { exitCode: 3 } });
    expect(await failure(worker('broken', "import 'no-such-package-anywhere';"))).toMatchObject({ code: 'IMPORT_FAILED' });
  });

  it('runs at most two at a time, the others wait their turn', async () => {
    const entry = worker('slow', 'await serve(async () => { const t = Date.now(); await new Promise((r) => setTimeout(r, 300)); return t; });');
    const starts = await Promise.all([1, 2, 3, 4].map(() => runInWorker<number>(entry, {}, RUN)));
    starts.sort((a, b) => a - b);
    // the third began after one of the first two had finished
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(250);
  });
});
