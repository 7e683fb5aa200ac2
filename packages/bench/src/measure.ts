import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One process run to its end: wall time, the operating system's peak resident memory of it, its output. */
export interface Measured {
  seconds: number;
  /** the process's maximum resident set (its threads included), MB; undefined without /usr/bin/time */
  peakMb: number | undefined;
  code: number;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

/**
 * Runs a command as its own process, so its peak memory is its own and not the bench's: the
 * kernel's accounting of the finished child (GNU time's %M), and wall time from the bench's
 * monotonic clock. Output is kept whole (the stage processes print one line of JSON).
 */
export async function measureProcess(argv: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'mch-bench-time-'));
  const report = join(dir, 'time');
  const timed = existsSync(TIME);
  const [cmd, ...args] = timed ? [TIME, '-f', '%M', '-o', report, ...argv] : argv;
  const start = process.hrtime.bigint();
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(cmd!, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    // GNU time writes "Command exited with non-zero status N" before the figure when the command fails
    const kb = timed && existsSync(report) ? Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
    return { seconds, peakMb: Number.isFinite(kb) ? Math.round(kb / 1024) : undefined, code, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
