import { SECTIONS, SECTION_TITLES } from './plan';
import type { StepResult } from './run';
import type { Tier } from './generate';

/** What the report says about the run besides the steps. */
export interface RunContext {
  tier: Tier;
  command: string;
  date: string;
  machine: string;
  /** load average (1 min) before and after: the machine is shared */
  load: [number, number];
  mch: 'compiled' | 'tsx';
  countries: number;
  years: number;
  partners: string;
  files: { ref_area: string; rows: number; bytes: number }[];
  largest: { ref_area: string; rows: number; bytes: number };
  minutes: number;
}

const int = (n: number) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const secs = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ratio = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : `${n >= 10 ? n.toFixed(0) : n.toFixed(2)}×`);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** The seconds of a step's floor: the sum of its floor steps, a stage's seconds for one country where the step is about one. */
function floorOf(r: StepResult, by: ReadonlyMap<string, StepResult>): number | undefined {
  if (!r.step.floor) return undefined;
  let total = 0;
  for (const id of r.step.floor) {
    const f = by.get(id);
    if (!f || f.failed) return undefined;
    const one = r.step.floorCountry ? f.stage?.perCountry[r.step.floorCountry] : undefined;
    total += one ?? f.seconds;
  }
  return total;
}

/** The report of a run: the table of steps, then what reads off it (memory, store, targets), in Markdown. */
export function formatReport(ctx: RunContext, results: readonly StepResult[]): string {
  const by = new Map(results.map((r) => [r.step.id, r]));
  const totalRows = ctx.files.reduce((n, f) => n + f.rows, 0);
  const totalBytes = ctx.files.reduce((n, f) => n + f.bytes, 0);
  const harmonised = by.get('harmonise');
  const lines = [
    `### Tier ${ctx.tier}: ${ctx.countries} countries × ${ctx.years} years × ${ctx.partners}`,
    '',
    `Input: ${int(totalRows)} rows of long CSV in ${ctx.files.length} files (${mb(totalBytes)} MB); the largest country, ${ctx.largest.ref_area}: ${int(ctx.largest.rows)} rows (${mb(ctx.largest.bytes)} MB).` +
      (harmonised?.stage ? ` Harmonised: ${int(harmonised.rows)} observations (${int(harmonised.stage.extra.derived ?? 0)} derived).` : ''),
    '',
    `Run: \`${ctx.command}\`, ${ctx.date}, ${ctx.minutes.toFixed(0)} min. Machine: ${ctx.machine}; load average ${ctx.load[0].toFixed(1)} before, ${ctx.load[1].toFixed(1)} after (the machine is shared). mch ran as ${ctx.mch === 'compiled' ? 'compiled JavaScript (packages/cli/dist)' : 'TypeScript through tsx (no compiled CLI was built)'}.`,
    '',
    '| step | rows | seconds | rows/s | peak RSS (MB) | × floor | × pandas |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const section of SECTIONS) {
    const of = results.filter((r) => r.step.section === section && !r.step.share);
    if (of.length === 0) continue;
    lines.push(`| **${SECTION_TITLES[section]}** | | | | | | |`);
    for (const r of of) {
      if (r.failed) {
        lines.push(`| ${r.step.label} | | failed: ${r.failed.replace(/\|/g, '/')} | | | | |`);
        continue;
      }
      const floor = floorOf(r, by);
      const pandas = r.step.pandas ? by.get(r.step.pandas) : undefined;
      const vsPandas = pandas && !pandas.failed ? r.seconds / pandas.seconds : undefined;
      lines.push(`| ${r.step.label} | ${int(r.rows)} | ${secs(r.seconds)} | ${int(r.rows / r.seconds)} | ${r.peakMb ?? '?'} | ${ratio(floor && r.seconds / floor)} | ${ratio(vsPandas)} |`);
    }
  }
  const incremental = results.filter((r) => r.step.share);
  if (incremental.length) {
    lines.push('', `${SECTION_TITLES.incremental}:`, '', '| step | seconds | peak RSS (MB) | share of the full `--no-cache` run |', '|---|---:|---:|---:|');
    for (const r of incremental) {
      const full = by.get(r.step.share!);
      lines.push(r.failed ? `| ${r.step.label} | failed: ${r.failed.replace(/\|/g, '/')} | | |` : `| ${r.step.label} | ${secs(r.seconds)} | ${r.peakMb ?? '?'} | ${full && !full.failed ? `${((100 * r.seconds) / full.seconds).toFixed(0)} %` : ''} |`);
    }
  }
  lines.push('', ...readings(ctx, by));
  return lines.join('\n');
}

/** The figures the issue asks to read off, said in words. */
function readings(ctx: RunContext, by: ReadonlyMap<string, StepResult>): string[] {
  const ok = (id: string) => {
    const r = by.get(id);
    return r && !r.failed ? r : undefined;
  };
  const out: string[] = [];
  const h = ok('harmonise');
  if (h?.stage) {
    const { storeBytes = 0, dictionaryBytes = 0 } = h.stage.extra;
    out.push(`- Columnar store: ${((storeBytes + dictionaryBytes) / h.rows).toFixed(1)} bytes per harmonised observation (${(storeBytes / h.rows).toFixed(1)} in columns, ${(dictionaryBytes / h.rows).toFixed(1)} in dictionaries; \`ObservationStore.byteLength()\`).`);
  }
  for (const command of ['check', 'release']) {
    const every = ok(`mch-${command}`);
    const alone = ok(`mch-${command}-one`);
    if (!every?.peakMb || !alone?.peakMb) continue;
    out.push(
      `- Memory: \`mch ${command} --no-cache\` of ${ctx.countries} countries peaked at ${int(every.peakMb)} MB; of ${ctx.largest.ref_area} alone (${int(ctx.largest.rows)} rows) at ${int(alone.peakMb)} MB: ${(every.peakMb / alone.peakMb).toFixed(1)}× for ${ctx.countries}× the countries.`,
    );
  }
  const target = (what: string, value: number | undefined, limit: number, better: 'below' | 'above', unit = '×') => {
    if (value === undefined) return;
    const met = better === 'below' ? value <= limit : value >= limit;
    const shown = unit === '×' ? `${value.toFixed(2)}×` : `${int(value)} ${unit}`;
    out.push(`- Target: ${what}: ${shown} (${better === 'below' ? 'at most' : 'at least'} ${unit === '×' ? `${limit}×` : `${int(limit)} ${unit}`}): **${met ? 'met' : 'not met'}**.`);
  };
  const vs = (a: string, b: string) => {
    const x = ok(a);
    const y = ok(b);
    return x && y ? x.seconds / y.seconds : undefined;
  };
  // the issue states its targets for tier M (its one country is the 276 000-row file); at S start-up is most of every command
  if (ctx.tier === 'S') return [...out, '- Targets: issue 13 states them for tier M (at tier S the start of a process is most of every command).'];
  if (ctx.tier === 'M') {
    target(`\`mch ingest\` of ${ctx.largest.ref_area}'s long CSV against the pandas script`, vs('mch-ingest-one', 'pandas-ingest-one'), 0.6, 'below');
    target(`the whole chain of ${ctx.largest.ref_area} (\`mch release\`, every format) against pandas + openpyxl to the Excel tables`, vs('mch-release-one', 'pandas-chain-one'), 0.2, 'below');
    const q = ok('quality');
    if (q) target('checks at tier M', q.rows / q.seconds, 500_000, 'above', 'observations/s');
  }
  target('`mch check` after one country resubmits, share of a full run', vs('check-one-changed', 'mch-check'), 0.1, 'below');
  target('`mch release` after one country resubmits, share of a full run', vs('release-one-changed', 'mch-release'), 0.1, 'below');
  return out;
}

const begin = (tier: Tier) => `<!-- pnpm bench ${tier} --write: from here to the end marker -->`;
const end = (tier: Tier) => `<!-- end of pnpm bench ${tier} -->`;

/** BENCHMARKS.md with the tier's section replaced (or added at the end); the text around it is left as it is. */
export function replaceSection(existing: string, tier: Tier, report: string): string {
  const section = `${begin(tier)}\n${report}\n${end(tier)}`;
  const from = existing.indexOf(begin(tier));
  const to = existing.indexOf(end(tier));
  if (from >= 0 && to > from) return existing.slice(0, from) + section + existing.slice(to + end(tier).length);
  return `${existing.replace(/\n*$/, '\n\n')}${section}\n`;
}
