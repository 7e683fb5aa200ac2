#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

optimiseLater();
const argv = process.argv.slice(2);
// compiled (packages/cli/dist/bin.js): never run a build older than the sources beside it
if (import.meta.url.endsWith('.js')) await buildIfStale();
// loaded only now, so what runs is what the build above left
const [{ run }, { quietOnBrokenPipe }, { exitOnSignals }, { EXIT }] = await Promise.all([import('./main'), import('./pipes'), import('./interrupt'), import('@mch/core/errors')]);
// Ctrl-C or kill: the temporary folders and the lock of the run are removed first
exitOnSignals();
quietOnBrokenPipe(process.stdout);
quietOnBrokenPipe(process.stderr);
// an error thrown outside run (a stray callback, an unawaited promise) is a bug, reported as one;
// its reporter loads core, which `mch --help` does without
const crash = (e: unknown) => {
  process.exitCode = EXIT.internal;
  // the reporter itself may not load (a library missing from an incomplete install): said plainly all the same
  const plainly = (cannotLoad: unknown) => {
    const said = (x: unknown) => (x instanceof Error ? `${x.name}: ${x.message}` : String(x));
    console.error(`mch: internal error — this is a bug in mch or an incomplete install, not a problem with your data.\n  ${said(e)}`);
    if (cannotLoad !== e) console.error(`  (the error report could not be written either: ${said(cannotLoad)})`);
    process.exit(EXIT.internal);
  };
  import('./report-error').then(({ reportError }) => process.exit(reportError(e, argv)), plainly);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.exitCode = await run(argv);

/**
 * V8 compiles a function optimised once it has run about 66 KB of its bytecode. mch runs a great
 * deal of library code (exceljs, pdfmake, fontkit) only a few times per release, and compiling it
 * optimised kept the second core busy for some 3 s of the demo release's 10 s of CPU. From 300 KB
 * the demo release takes 0.86× the wall time and 0.77× the CPU, tier M's ARM 0.97× (farm-bench,
 * BENCHMARKS.md); the hot loops over observations are optimised all the same. Flags are the whole
 * process's, worker threads included. A budget given to node (`--interrupt-budget`) is kept.
 */
function optimiseLater(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--interrupt-budget'));
  // bytes of bytecode run before V8 optimises a function (its default: 67 584)
  if (!given) setFlagsFromString('--interrupt-budget=300000');
}
/**
 * In a checkout (scripts/ beside packages/), a source edited since the last build is built again
 * first (scripts/build.mjs, about a second); elsewhere there is nothing to compare with. Only
 * these lines of bin.js itself then ran from the old build.
 */
async function buildIfStale(): Promise<void> {
  const at = new URL('../../../', import.meta.url);
  const root = fileURLToPath(at);
  const state = new URL('scripts/build-state.mjs', at);
  if (!existsSync(state)) return;
  const { newerSource } = (await import(state.href)) as { newerSource: (root: string) => string | undefined };
  const newer = newerSource(root);
  if (!newer) return;
  process.stderr.write(`mch: ${relative(root, newer)} is newer than the build; building again\n`);
  const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status === 0) return;
  process.stderr.write('mch: the build failed (node scripts/build.mjs says why); mch does not run code older than its sources\n');
  process.exit(2); // cannot run (EXIT.cannotRun, not loaded from a build that may be stale)
}
