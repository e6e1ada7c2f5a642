// The worker side of run-in-worker.ts, in plain JavaScript so a worker starts the same under
// tsx, vitest and plain node: `await serve(fn)` answers the parent with fn(workerData).
import { parentPort, workerData } from 'node:worker_threads';

export async function serve(work) {
  try {
    parentPort.postMessage({ ok: true, value: await work(workerData) });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
}
