import type { Db } from '../../platform/db/client.js';
import { processDueAlerts, type ProcessResult } from './alerts-processor.js';
import { deliverPending } from './alerts-channels.js';

/** How often the durable timers are looked at: an escalation step fires at most this late (goal: within 60 s). */
export const ALERT_POLL_MS = 5_000;

/**
 * Runs the alert processor and the channel outbox in this process: every few seconds (the
 * timers are rows, so a restart resumes them), and at once when intake commits new alerts so
 * the duty officer hears of them in well under a second. Single-flight: a kick during a run
 * asks for one more run, never a second one in parallel.
 */
export class AlertWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  onError: (err: unknown) => void = () => {};
  onRun: (r: ProcessResult) => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly pollMs = ALERT_POLL_MS,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  private soon: NodeJS.Timeout | null = null;

  /**
   * New alerts were committed: run within 50 ms. A stream of single posts is then routed and told
   * a few dozen at a time instead of one by one — the same latency to the duty officer (well under
   * a second), a fraction of the queries.
   */
  kickSoon(): void {
    if (this.soon || !this.timer) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.kick();
    }, 50);
  }

  /** Run now (or right after the current run). A no-op unless started. */
  kick(): void {
    if (!this.timer || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async run(): Promise<void> {
    try {
      this.onRun(await processDueAlerts(this.db));
      await deliverPending(this.db);
    } catch (err) {
      this.onError(err);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.soon) clearTimeout(this.soon);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
