/**
 * What a module declares about one kind of background work. The queue's options live in
 * pg-boss's own `queue` row (installJobs writes them), so a process that only enqueues needs
 * none of this: it names the job, and the database knows the rest.
 */

/** A job's name that carries the shape of its data, so `enqueue` and the handler agree on it. */
export type JobName<T> = string & { readonly __jobData?: T };

/** Names a job: `export const REMINDER_JOB = jobName<{ itemId: string }>('work.reminder')`. */
export function jobName<T>(name: string): JobName<T> {
  return name as JobName<T>;
}

export interface JobContext {
  id: string;
  name: string;
  /** 0 on the first run; counts retries after a handler threw. */
  retryCount: number;
}

/**
 * Runs one job. It may run late (the process was down), twice (a worker died after the work
 * and before the job was marked done) or after the thing it is about was closed: read the
 * current state first and do nothing when there is nothing left to do. Throwing marks the job
 * failed, retried up to `retryLimit` times. Data written by an older version may lack fields.
 */
export type JobHandler<T> = (data: T, job?: JobContext) => Promise<void>;

export interface JobDefinition<T = unknown> {
  name: JobName<T> | string;
  // a method, so a definition of any data shape fits in one list (allJobs)
  handler(data: T, job?: JobContext): Promise<void>;
  /** Recurring: a cron expression in Asia/Ho_Chi_Minh. */
  cron?: string;
  /** Retries after the handler threw (pg-boss default 2). 0 when a second run would do harm. */
  retryLimit?: number;
  /** Seconds between retries (default 0), doubled each time with `retryBackoff`. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A run longer than this counts as failed (default 15 min, at most 24 h). */
  expireInSeconds?: number;
  /**
   * Every job carries a singleton key and at most one per key waits to run: enqueueing the
   * same key again before it starts does nothing (pg-boss's `short` policy). Timers use it —
   * one reminder per work item per kind.
   */
  oneWaitingPerKey?: boolean;
  /** Jobs fetched per poll (default 50); 1 for long jobs that should not hold others back. */
  batchSize?: number;
  /** How often an idle worker looks for due jobs (default 2 s, at least 0.5 s). */
  pollingIntervalSeconds?: number;
}

/** Declares a job; server.ts collects every module's definitions into `allJobs`. */
export function defineJob<T = unknown>(def: JobDefinition<T>): JobDefinition<T> {
  if (def.oneWaitingPerKey && def.cron) throw new Error(`job ${def.name}: a cron job has no singleton key`);
  return def;
}

/** Definitions of any data shape, as server.ts collects them. */
export type AnyJobDefinition = JobDefinition<unknown>;
