import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';

export interface WorkerRun {
  /** Terminate the worker after this long: a parser stuck in a loop never answers. */
  timeoutMs: number;
  /** V8 heap caps of the worker: past them the worker dies of out-of-memory, the server does not. */
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  stackSizeMb: number;
  /** What the user reads when the parser fails on this input; the cause is appended to each language. */
  failure: { vi: string; en: string };
}

type Reply = { ok: true; value: unknown } | { ok: false; message: string };

// each worker may use its heap cap: two at a time keeps a burst of uploads within ~600 MB
const MAX_RUNNING = 2;
let running = 0;
const queue: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < MAX_RUNNING) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => queue.push(resolve));
}

function release(): void {
  const next = queue.shift();
  if (next) next();
  else running--;
}

/**
 * Runs a parser of untrusted input in a worker thread with a memory cap and a deadline, like
 * runTool does for external programs. The worker is a plain `.mjs` file that answers through
 * worker-serve.mjs's `serve()`, so it loads the same under tsx, vitest and node. Running out of
 * memory becomes a 413, a timeout or a crash a 422, with `failure` and the cause as the message; the worker
 * is gone in every case.
 */
export async function runInWorker<T>(entry: URL, input: unknown, run: WorkerRun): Promise<T> {
  await acquire();
  try {
    return await runOnce<T>(entry, input, run);
  } finally {
    release();
  }
}

function runOnce<T>(entry: URL, input: unknown, run: WorkerRun): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: input,
      // not the parent's flags (tsx's loader, vitest's): the worker is plain JavaScript
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: run.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: run.maxYoungGenerationSizeMb,
        stackSizeMb: run.stackSizeMb,
      },
      // a parser's warnings are not the server's log; failures come back as 'error' or a reply
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const { vi, en } = run.failure;
    const seconds = Math.round(run.timeoutMs / 100) / 10;
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new AppError('IMPORT_FAILED', `${vi}: quá thời gian xử lý (${String(seconds).replace('.', ',')} giây) / ${en}: took too long (${seconds} s)`, {
              limit: 'timeoutMs',
              value: run.timeoutMs,
            }),
          ),
        ),
      run.timeoutMs,
    );
    worker.once('message', (reply: Reply) =>
      settle(() => {
        if (reply.ok) resolve(reply.value as T);
        else reject(new AppError('IMPORT_FAILED', `${vi} / ${en}`, { cause: reply.message.slice(0, 300) }));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          const mb = run.maxOldGenerationSizeMb;
          reject(
            new AppError('PAYLOAD_TOO_LARGE', `${vi}: cần quá nhiều bộ nhớ (giới hạn ${mb} MB) / ${en}: needs more than ${mb} MB of memory`, {
              limit: 'maxOldGenerationSizeMb',
              value: mb,
            }),
          );
        } else reject(new AppError('IMPORT_FAILED', `${vi} / ${en}`, { cause: err.message.slice(0, 300) }));
      }),
    );
    worker.once('exit', (code) => settle(() => reject(new AppError('IMPORT_FAILED', `${vi} / ${en}`, { exitCode: code }))));
  });
}
