import { defineCommand } from 'citty';
import { EXIT, type QualityReport, type ReleaseConfig } from '@mch/core';
import { runChain } from '../pipeline/chain';
import { loadReleaseConfig } from '../pipeline/config';
import { argPath, findRepoRoot } from '../pipeline/repo';

export default defineCommand({
  meta: { name: 'status', description: 'Who has sent what: countries × tables × years, received / missing / rejected cells / open errors.' },
  args: {
    config: { type: 'positional', description: 'release configuration, e.g. pipelines/mch/2013.1.yaml', required: true },
    cache: { type: 'boolean', default: true, description: 'reuse the ingest, harmonise and checks of countries whose files, settings and code are unchanged (--no-cache: compute every country)' },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const loaded = loadReleaseConfig(root, argPath(args.config), { inputs: true });
    const chain = await runChain(loaded, { partial: true, cache: args.cache });
    const tables = loaded.tableSet.tables.map((t) => t.id);
    console.log(filesSent(loaded.config));
    console.log('');
    console.log(statusTable(chain.report, Object.keys(loaded.config.countries).sort(), tables, loaded.config.reference_years));
    console.log(STATUS_LEGEND);
    for (const e of chain.unreadable) console.error(`mch: ${e.message}`);
    return chain.unreadable.length ? EXIT.cannotRun : EXIT.ok;
  },
});

export const STATUS_LEGEND =
  'cell: observations received, then m = missing values (..), r = rejected cells, e = open (unwaived) errors; "—" nothing received; "missing" declared in the supply matrix but not received';

/** Every country's files in the order they count, with the date received. */
export function filesSent(config: ReleaseConfig): string {
  const lines = ['files received:'];
  for (const [r, cs] of Object.entries(config.countries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!cs?.files.length) {
      lines.push(`  ${r}  nothing yet`);
      continue;
    }
    for (const f of cs.files) lines.push(`  ${r}  ${f.received ?? '          '}  ${f.path}${f.supersedes ? '  (supersedes earlier files)' : ''}`);
  }
  return lines.join('\n');
}

/** One line per country and year, one column per table. */
export function statusTable(report: QualityReport, countries: string[], tables: string[], years: number[]): string {
  const cells = new Map(report.completeness.map((c) => [`${c.ref_area}|${c.table}|${c.time_period}`, c]));
  const open = new Map<string, number>();
  for (const f of report.findings) {
    if (f.severity !== 'error' || f.waived) continue;
    const k = `${f.ref_area}|${f.table}|${f.time_period ?? ''}`;
    open.set(k, (open.get(k) ?? 0) + 1);
  }
  const width = 14;
  const lines = [['country', 'year', ...tables].map((h, i) => (i < 2 ? h.padEnd(8) : h.padStart(width))).join('')];
  for (const country of countries) {
    for (const year of years) {
      const row = tables.map((t) => {
        const c = cells.get(`${country}|${t}|${year}`);
        const errors = open.get(`${country}|${t}|${year}`) ?? 0;
        const err = errors ? ` ${errors}e` : '';
        if (!c || c.observations + c.rejected === 0) return `${c?.expected ? 'missing' : '—'}${err}`.padStart(width);
        const extra = [c.missing_values ? `${c.missing_values}m` : '', c.rejected ? `${c.rejected}r` : '', errors ? `${errors}e` : ''].filter(Boolean).join(' ');
        return `${c.observations}${extra ? ` ${extra}` : ''}`.padStart(width);
      });
      lines.push(`${country.padEnd(8)}${String(year).padEnd(8)}${row.join('')}`);
    }
  }
  const general = report.findings.filter((f) => f.severity === 'error' && !f.waived && (f.table === '' || f.time_period === null));
  for (const f of general) lines.push(`open error ${f.id}: ${f.message}`);
  return lines.join('\n');
}
