/**
 * Background work, one API for every module (decision 014): declare a job with `defineJob`,
 * queue it with `enqueue` inside the transaction of the change it is about, and let
 * `startJobs` run it in whichever process works jobs. Durable: jobs are rows in pg-boss's
 * tables, so a timer survives restarts and fires at the first poll after it is due.
 */
export { defineJob, jobName, type AnyJobDefinition, type JobContext, type JobDefinition, type JobHandler, type JobName } from './define.js';
export { cancelJobs, enqueue, enqueueMany, type BatchItem, type EnqueueOptions } from './enqueue.js';
export { installJobs } from './install.js';
export { startJobs, wakeJobs, DEFAULT_POLLING_SECONDS, type Jobs, type StartJobsOptions } from './runner.js';
