import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the folder test-setup.ts made for the releases the test files share */
    mchShared: string;
  }
}

/** The compiled command users run (`pnpm mch`); test-setup.ts builds it before any test file. */
export const MCH_BIN = join(REPO_ROOT, 'packages', 'cli', 'dist', 'bin.js');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command as a separate process, from `cwd` (the repository root unless said), and
 * waits for it; with `timeout` (ms) a command still running then is killed, and its code is null.
 */
export function mchIn(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Ran {
  const r = spawnSync(process.execPath, [MCH_BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, encoding: 'utf8', env: { ...process.env, MCH_QUIET: '1', ...options.env }, timeout: options.timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Makes a named pipe (a FIFO) at `path`: reading it waits for a writer, in a test forever. */
export function namedPipe(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/** Runs the real command from the repository root, the way a user does. */
export const mch = (...args: string[]): Ran => mchIn(args);

/** Starts the real command without waiting (to kill it, or to run two at once); `done` settles when it exits. */
export function startMch(args: readonly string[], env: Record<string, string> = {}): ChildProcess & { done: Promise<Ran & { signal: string | null }> } {
  const child = spawn(process.execPath, [MCH_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, MCH_QUIET: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Ran & { signal: string | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return Object.assign(child, { done });
}

export interface SharedRelease {
  /** the release folder: read it, copy it to change it */
  dir: string;
  /** what `mch release` printed (its manifest digest) */
  stdout: string;
  /** when it was published (Date.now()) */
  finished: number;
}

/** The environment the shared releases are built in; a test comparing with another environment knows it. */
export const SHARED_ENV = { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' };

const building = new Map<string, Promise<SharedRelease>>();

/**
 * `mch release <config>` built once per test run, whichever test file asks first, for the files
 * that only read a release (a release of 2011.1 takes seconds; five files read one). Test files
 * run in several processes: the first to make the lock folder builds, the others wait for its
 * record.
 */
export function sharedRelease(config: string): Promise<SharedRelease> {
  const promise = building.get(config) ?? buildShared(config);
  building.set(config, promise);
  return promise;
}

async function buildShared(config: string): Promise<SharedRelease> {
  const base = join(inject('mchShared'), config.replace(/\W+/g, '_'));
  const record = `${base}.json`;
  const dir = join(base, 'release');
  let builder = false;
  try {
    mkdirSync(`${base}.lock`);
    builder = true;
  } catch {}
  if (builder) {
    const r = await startMch(['release', config, '--out', dir], SHARED_ENV).done;
    writeFileSync(`${record}.tmp`, JSON.stringify({ ...r, finished: Date.now() }));
    renameSync(`${record}.tmp`, record);
  }
  for (let waited = 0; !existsSync(record); waited += 200) {
    if (waited > 600_000) throw new Error(`the shared release of ${config} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const r = JSON.parse(readFileSync(record, 'utf8')) as Ran & { finished: number };
  if (r.code !== 0) throw new Error(`mch release ${config} (shared by the test files) failed with exit ${r.code}:\n${r.stderr}`);
  return { dir, stdout: r.stdout, finished: r.finished };
}

/** The message of what `f` throws, or "accepted": for tests of what is refused. */
export function refusalOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}
