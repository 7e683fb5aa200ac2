#!/usr/bin/env node
// `npm test` after the install: type-checks, lints and tests every package with Node.js and npm
// alone (Turbo would look for a pnpm binary on PATH), then says what ran and ends with one line,
// "N passed, N failed, N skipped", each skip with its reason. `node scripts/test.mjs core cli`
// runs only those packages. Tasks run side by side, one per core (MCH_TEST_LANES sets how many);
// what they say is printed in package order, whichever ended first, with the seconds each package's
// tasks took (side by side with others, so they add up to more than the run). Exit 1 when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countLine, countVitest } from './test-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'mch-test-'));

/** npm as the one running this script found it, so no PATH lookup can pick another. */
function npm(args, cwd) {
  const cli = process.env.npm_execpath;
  return cli && cli.endsWith('.js') ? exec(process.execPath, [cli, ...args], cwd) : exec('npm', args, cwd);
}

function exec(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ code: -1, output: `${output}${e.message}\n` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');
const none = () => ({ passed: 0, failed: 0, skipped: 0, failures: [], skips: [] });

/** typecheck and lint: one item each, passed or failed with the tool's own words. */
async function check(name, dir, task) {
  const r = await npm(['run', '--silent', task], dir);
  const out = { ...none(), kind: task };
  if (r.code === 0) out.passed = 1;
  else {
    out.failed = 1;
    out.failures.push({ where: `${task} ${name}`, message: tail(r.output) });
  }
  return { ...out, text: `${task} ${r.code === 0 ? 'ok' : 'FAILED'}` };
}

async function tests(name, run) {
  const file = join(scratch, `${name.replace(/\W/g, '_')}.json`);
  const r = await run(file);
  if (!existsSync(file)) {
    const message = `vitest wrote no report (exit ${r.code})\n${tail(r.output)}`;
    return { ...none(), kind: 'tests', failed: 1, failures: [{ where: `tests of ${name}`, message }], text: 'tests did not run' };
  }
  const c = countVitest(name, JSON.parse(readFileSync(file, 'utf8')));
  return { ...c, kind: 'tests', ran: c.passed + c.failed + c.skipped, text: `tests ${countLine(c)}` };
}

const reporter = (file) => ['--reporter=json', `--outputFile=${file}`];
const testFiles = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => /\.test\.[cm]?[jt]s$/.test(String(f))).length : 0);
const packages = readdirSync(join(root, 'packages'))
  .sort()
  .filter((n) => existsSync(join(root, 'packages', n, 'package.json')) && (!only.length || only.includes(n)));

/**
 * Every package's type check in one tsc run over the workspace (tsconfig.workspace.json: the
 * options every package's tsconfig takes from tsconfig.base.json, every package's src): a package
 * checked alone checks again core and whatever it imports, nine runs of 4 to 7 s where one takes
 * about 10. Each error is told to the package its file is in; the package's own `npm run
 * typecheck` stays for working on one package.
 */
async function typecheckWorkspace(checked) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = await exec(process.execPath, [tsc, '-p', join(root, 'tsconfig.workspace.json'), '--pretty', 'false'], root);
  const byPackage = new Map(checked.map((c) => [c.dir, []]));
  let current;
  let inSomePackage = false;
  for (const line of r.output.split('\n')) {
    const at = /^packages\/([^/]+)\//.exec(line);
    if (at) {
      inSomePackage = true;
      current = byPackage.get(at[1]);
    } else if (!/^\s/.test(line)) current = undefined;
    current?.push(line);
  }
  // a failure no package's file explains (tsc itself, the workspace configuration) fails them all;
  // one in a package not asked for (`node scripts/test.mjs core`) fails none of these
  const unexplained = r.code !== 0 && !inSomePackage;
  for (const { dir, name, job } of checked) {
    const lines = byPackage.get(dir);
    const failed = unexplained || lines.length > 0;
    const out = { ...none(), kind: 'typecheck', passed: failed ? 0 : 1, failed: failed ? 1 : 0 };
    if (failed) out.failures.push({ where: `typecheck ${name}`, message: tail(lines.length ? lines.join('\n') : r.output) });
    job.result = { ...out, text: `typecheck ${failed ? 'FAILED' : 'ok'}` };
    job.seconds = 0;
  }
  return { ...none(), kind: 'none', text: '' };
}

/** Every task, in the order its words are printed; `weight` orders the start (the longest bound the run). */
const jobs = [];
const typechecked = [];
for (const dir of packages) {
  const cwd = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (pkg.scripts?.typecheck) {
    // its result comes from the workspace's run (typecheckWorkspace), which the queue runs once
    const job = { row: pkg.name, weight: 0 };
    jobs.push(job);
    typechecked.push({ dir, name: pkg.name, job });
  }
  if (pkg.scripts?.lint) jobs.push({ row: pkg.name, weight: 1, run: () => check(pkg.name, cwd, 'lint') });
  if (pkg.scripts?.test) {
    const run = (file) => npm(['run', '--silent', 'test', '--', ...reporter(file)], cwd);
    jobs.push({ row: pkg.name, weight: 2 + testFiles(join(cwd, 'src')), run: () => tests(pkg.name, run) });
  }
}
if (!only.length || only.includes('scripts')) {
  const vitest = join(root, 'node_modules', '.bin', 'vitest');
  jobs.push({ row: 'scripts/', weight: 1, run: () => tests('scripts', (file) => exec(vitest, ['run', '--dir', 'scripts', ...reporter(file)], root)) });
}

const queue = [...jobs.filter((j) => j.run), ...(typechecked.length ? [{ weight: 1, run: () => typecheckWorkspace(typechecked) }] : [])].sort((a, b) => b.weight - a.weight);
const lanes = Math.max(1, Math.min(Number(process.env.MCH_TEST_LANES) || availableParallelism(), queue.length));
async function lane() {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const start = performance.now();
    job.result = await job.run();
    job.seconds = (performance.now() - start) / 1000;
  }
}
await Promise.all(Array.from({ length: lanes }, lane));
rmSync(scratch, { recursive: true, force: true });

const totals = none();
const ran = { tests: 0, typecheck: 0, lint: 0 };
for (const { result } of jobs) {
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  totals.failures.push(...result.failures);
  totals.skips.push(...result.skips);
  ran[result.kind] += result.kind === 'tests' ? (result.ran ?? 0) : 1;
}
for (const row of [...new Set(jobs.map((j) => j.row))]) {
  const own = jobs.filter((j) => j.row === row);
  const seconds = own.reduce((n, j) => n + j.seconds, 0);
  console.log(`${row.padEnd(15)} ${own.map((j) => j.result.text).join(' · ')} (${seconds.toFixed(0)} s)`);
}
for (const s of totals.skips) console.log(`skipped: ${s.where} — ${s.reason}`);
// the assertion and its diff say what failed; vitest's own stack frames say nothing more
const brief = (message) => message.split('\n').filter((l) => !/^\s+at .*(node_modules|node:internal)/.test(l)).slice(0, 30).join('\n').trimEnd();
for (const f of totals.failures) console.log(`FAILED: ${f.where}\n${brief(f.message).replace(/^/gm, '    ')}`);
console.log(`ran ${ran.tests} tests, ${ran.typecheck} type checks and ${ran.lint} lint runs (each check counts as one) in ${(performance.now() / 1000).toFixed(0)} s`);
console.log(countLine(totals));
process.exitCode = totals.failed ? 1 : 0;
