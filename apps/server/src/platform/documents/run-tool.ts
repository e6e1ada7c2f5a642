import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { AppError } from '../errors.js';

export interface ToolRun {
  /** Kill the tool after this long (SIGKILL: a stuck PDF renderer does not answer SIGTERM). */
  timeoutMs: number;
  /** Largest stdout kept; past it the tool is killed. */
  maxBuffer: number;
  /** Bytes written to the tool's stdin. */
  input?: Buffer;
  /** Address-space cap through prlimit(1), when it is installed. */
  memoryBytes?: number;
  env?: NodeJS.ProcessEnv;
  /** What the user reads when the tool fails on this input, in Vietnamese and English. */
  failure: string;
}

export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed`);
    this.name = 'ToolMissingError';
  }
}

// util-linux's prlimit execs the tool with RLIMIT_AS set, so a PDF bomb cannot take the machine's memory
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => fs.existsSync(p)) ?? null;

/**
 * Runs a command-line tool with execFile (never a shell), bounded in time, output and memory.
 * Its stdout comes back as bytes; a crash, a timeout or too much output become one AppError
 * with a message a person can act on, and nothing is left running.
 */
export function runTool(command: string, args: string[], run: ToolRun): Promise<Buffer> {
  const [file, argv] = PRLIMIT && run.memoryBytes ? [PRLIMIT, [`--as=${run.memoryBytes}`, '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      argv,
      { encoding: 'buffer', timeout: run.timeoutMs, killSignal: 'SIGKILL', maxBuffer: run.maxBuffer, env: run.env ?? process.env, windowsHide: true },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const e = err as Omit<NodeJS.ErrnoException, 'code'> & { killed?: boolean; signal?: string | null; code?: string | number | null };
        if (e.code === 'ENOENT') return reject(new ToolMissingError(command));
        // prlimit reports a tool it cannot find with exit status 127 (like a shell)
        if (e.code === 127 && /No such file|not found/i.test(stderr.toString('utf8'))) return reject(new ToolMissingError(command));
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new AppError('PAYLOAD_TOO_LARGE', `${run.failure}: kết quả quá lớn / output too large`, { tool: command }));
        }
        if (e.killed || e.signal === 'SIGKILL') {
          return reject(
            new AppError('IMPORT_FAILED', `${run.failure}: quá thời gian xử lý (${Math.round(run.timeoutMs / 1000)} giây) / took too long`, { tool: command }),
          );
        }
        const detail = stderr.toString('utf8').trim().split('\n').slice(-3).join(' ').slice(0, 300);
        reject(new AppError('IMPORT_FAILED', run.failure, { tool: command, exitCode: e.code ?? null, stderr: detail }));
      },
    );
    // a tool that exits before reading all its input closes the pipe: that is its answer, not a crash
    child.stdin?.on('error', () => undefined);
    if (run.input) child.stdin?.end(run.input);
    else child.stdin?.end();
  });
}

const seen = new Map<string, Promise<boolean>>();

/** Whether a tool answers `--version` (cached per command; `forget` for tests that swap tools). */
export function toolAvailable(command: string, forget = false): Promise<boolean> {
  if (forget) seen.delete(command);
  let known = seen.get(command);
  if (!known) {
    known = new Promise<boolean>((resolve) => {
      execFile(command, ['--version'], { timeout: 10_000, killSignal: 'SIGKILL' }, (err) => resolve(!err || (err as NodeJS.ErrnoException).code !== 'ENOENT'));
    });
    seen.set(command, known);
  }
  return known;
}
