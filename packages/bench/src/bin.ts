import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeLists, parseYamlWith } from '@mch/core';
import { TIERS, type Tier } from './generate';
import { SECTIONS, type Section, plan, tools } from './plan';
import { type RunContext, formatReport, replaceSection } from './report';
import { type StepResult, runSteps } from './run';
import { prepareWorkspace } from './workspace';

const USAGE = `pnpm bench [S|M|L] [--countries N] [--dir PATH] [--only ${SECTIONS.join(',')}] [--no-pandas] [--write] [--again]

Generates the tier's input (once: it is reused while the generator is unchanged) in a throwaway
repository (--dir, default ${join(tmpdir(), 'mch-bench-<tier>')}), then runs every step in a
process of its own, one at a time, and prints the table; --write puts it into BENCHMARKS.md.`;

const args = process.argv.slice(2);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const tier = (args.find((a) => a in TIERS) ?? 'S') as Tier;
const limit = value('--countries') === undefined ? undefined : Number(value('--countries'));
const only = value('--only')?.split(',') ?? [...SECTIONS];
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length || (limit !== undefined && !(limit >= 1))) {
  console.error(`${unknown.length ? `unknown section ${unknown.join(', ')}` : '--countries needs a number of at least 1'}\n\n${USAGE}`);
  process.exit(2);
}
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const root = resolve(value('--dir') ?? join(tmpdir(), `mch-bench-${tier}${limit ? `-${limit}` : ''}`));
const codelists = parseYamlWith(CodeLists, readFileSync(join(repo, 'pipelines/mch/codelists.yaml'), 'utf8'), 'pipelines/mch/codelists.yaml');
const log = (line: string) => console.error(line);

/** python3 with pandas, openpyxl and PyYAML, or why not. */
function python(): string | undefined {
  if (args.includes('--no-pandas')) return undefined;
  const r = spawnSync('python3', ['-c', 'import pandas, openpyxl, yaml; print(pandas.__version__, openpyxl.__version__)'], { encoding: 'utf8' });
  if (r.status === 0) return 'python3';
  log(`pandas: not run (python3 with pandas, openpyxl and PyYAML not found: ${(r.stderr || String(r.error)).trim().split('\n').at(-1)})`);
  return undefined;
}

const saved = join(root, `bench-${tier}.json`);
// --again: the report of the last run, formatted anew (after a change of the report's wording), nothing run
const { ctx, results } = args.includes('--again') ? (JSON.parse(readFileSync(saved, 'utf8')) as { ctx: RunContext; results: StepResult[] }) : await run();
const report = formatReport(ctx, results);
console.log(report);
writeFileSync(saved, `${JSON.stringify({ ctx, results }, null, 1)}\n`);
if (args.includes('--write')) {
  const path = join(repo, 'BENCHMARKS.md');
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), tier, report));
  log(`BENCHMARKS.md: tier ${tier} written`);
}

async function run(): Promise<{ ctx: RunContext; results: StepResult[] }> {
  const started = Date.now();
  const load = loadavg()[0]!;
  const ws = await prepareWorkspace(repo, root, tier, codelists, limit, log);
  const t = tools(repo, python());
  log(`workspace ${root}; mch as ${t.mchKind}`);
  const results = await runSteps(ws, plan(ws, t, repo), only as Section[], codelists, log);
  const size = TIERS[tier];
  const ctx: RunContext = {
    tier,
    command: ['pnpm bench', ...args].join(' '),
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${process.platform}-${process.arch}`,
    load: [load, loadavg()[0]!],
    mch: t.mchKind,
    countries: ws.files.length,
    years: size.years,
    partners: size.partners === 'standard' ? 'the standard partner rows' : 'every ISO country as partner',
    files: ws.files,
    largest: ws.largest,
    minutes: (Date.now() - started) / 60000,
  };
  return { ctx, results };
}
