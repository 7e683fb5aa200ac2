import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { CodeLists, TableSet, parseYamlWith } from '@mch/core';
import { TIERS, type Tier } from './generate';
import { type StageResult, runBenchmark } from './run';

// pnpm bench [S|M|L] [--countries N] [--write]: times each stage on generated input.
const args = process.argv.slice(2);
const tier = (args.find((a) => a in TIERS) ?? 'S') as Tier;
const countriesArg = args.indexOf('--countries');
const limit = countriesArg >= 0 ? Number(args[countriesArg + 1]) : undefined;
const root = new URL('../../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');
const tableSet = parseYamlWith(TableSet, read('pipelines/mch/tables.yaml'), 'pipelines/mch/tables.yaml');
const codelists = parseYamlWith(CodeLists, read('pipelines/mch/codelists.yaml'), 'pipelines/mch/codelists.yaml');

const results = await runBenchmark(tier, tableSet, codelists, limit);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${process.platform}-${process.arch}`;
const table = formatTable(tier, limit, machine, results);
console.log(table);
if (args.includes('--write')) {
  const path = new URL('BENCHMARKS.md', root);
  const existing = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  })();
  const marker = `<!-- tier ${tier} -->`;
  const sections = existing.split(/(?=<!-- tier [SML] -->)/).filter((s) => s.startsWith('<!-- tier') && !s.startsWith(marker));
  const header = existing.split('<!-- tier')[0] || '# Benchmarks\n\nRun with `pnpm bench <S|M|L> [--countries N] --write`.\n\n';
  writeFileSync(path, [header, ...[...sections, `${marker}\n${table}\n`].sort()].join(''));
}

function formatTable(t: Tier, n: number | undefined, on: string, rows: StageResult[]): string {
  const size = TIERS[t];
  const lines = [
    `## Tier ${t}: ${n ?? size.countries} countries × ${size.years} years × ${size.partners + 2} partners`,
    '',
    `Machine: ${on}.`,
    '',
    '| stage | rows | seconds | rows/s | peak RSS (MB) |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.stage} | ${r.rows} | ${r.seconds} | ${r.rowsPerSecond} | ${r.peakRssMb} |`),
  ];
  return lines.join('\n');
}
