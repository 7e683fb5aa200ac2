#!/usr/bin/env node
// `npm test` after the install: type-checks, lints and tests every package with Node.js and npm
// alone (Turbo would look for a pnpm binary on PATH), then says what ran and ends with one line,
// "N passed, N failed, N skipped", each skip with its reason. `node scripts/test.mjs core cli`
// runs only those packages. Exit 1 when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countLine, countVitest } from './test-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'mch-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skips = [];
const ran = { tests: 0, typecheck: 0, lint: 0 };

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

/** typecheck and lint: one item each, passed or failed with the tool's own words. */
async function check(name, dir, task) {
  const r = await npm(['run', '--silent', task], dir);
  ran[task]++;
  if (r.code === 0) {
    totals.passed++;
    return 'ok';
  }
  totals.failed++;
  failures.push({ where: `${task} ${name}`, message: tail(r.output) });
  return 'FAILED';
}

async function tests(name, run) {
  const file = join(scratch, `${name.replace(/\W/g, '_')}.json`);
  const r = await run(file);
  if (!existsSync(file)) {
    totals.failed++;
    failures.push({ where: `tests of ${name}`, message: `vitest wrote no report (exit ${r.code})\n${tail(r.output)}` });
    return 'did not run';
  }
  const c = countVitest(name, JSON.parse(readFileSync(file, 'utf8')));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  ran.tests += c.passed + c.failed + c.skipped;
  failures.push(...c.failures);
  skips.push(...c.skips);
  return countLine(c);
}

const reporter = (file) => ['--reporter=json', `--outputFile=${file}`];
const packages = readdirSync(join(root, 'packages'))
  .sort()
  .filter((n) => existsSync(join(root, 'packages', n, 'package.json')) && (!only.length || only.includes(n)));

for (const dir of packages) {
  const cwd = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  const started = Date.now();
  const parts = [];
  for (const task of ['typecheck', 'lint']) if (pkg.scripts?.[task]) parts.push(`${task} ${await check(pkg.name, cwd, task)}`);
  if (pkg.scripts?.test) parts.push(`tests ${await tests(pkg.name, (file) => npm(['run', '--silent', 'test', '--', ...reporter(file)], cwd))}`);
  console.log(`${pkg.name.padEnd(15)} ${parts.join(' · ')}  (${Math.round((Date.now() - started) / 1000)} s)`);
}
if (!only.length || only.includes('scripts')) {
  const vitest = join(root, 'node_modules', '.bin', 'vitest');
  console.log(`${'scripts/'.padEnd(15)} tests ${await tests('scripts', (file) => exec(vitest, ['run', '--dir', 'scripts', ...reporter(file)], root))}`);
}
rmSync(scratch, { recursive: true, force: true });

for (const s of skips) console.log(`skipped: ${s.where} — ${s.reason}`);
// the assertion and its diff say what failed; vitest's own stack frames say nothing more
const brief = (message) => message.split('\n').filter((l) => !/^\s+at .*(node_modules|node:internal)/.test(l)).slice(0, 30).join('\n').trimEnd();
for (const f of failures) console.log(`FAILED: ${f.where}\n${brief(f.message).replace(/^/gm, '    ')}`);
console.log(`ran ${ran.tests} tests, ${ran.typecheck} type checks and ${ran.lint} lint runs (each check counts as one)`);
console.log(countLine(totals));
process.exitCode = totals.failed ? 1 : 0;
