import { defineCommand } from 'citty';
import { EXIT, type QualityReport } from '@mch/core';
import { runChain } from '../pipeline/chain';
import { loadReleaseConfig } from '../pipeline/config';
import { findRepoRoot } from '../pipeline/repo';

export default defineCommand({
  meta: { name: 'status', description: 'Who has sent what: countries × tables × years, with rejected cells and open errors.' },
  args: { config: { type: 'positional', description: 'release configuration, e.g. pipelines/mch/2013.1.yaml', required: true } },
  async run({ args }) {
    const root = findRepoRoot();
    const loaded = loadReleaseConfig(root, String(args.config));
    const chain = await runChain(loaded);
    const years = loaded.config.reference_years;
    const tables = loaded.tableSet.tables.map((t) => t.id);
    console.log(statusTable(chain.report, Object.keys(loaded.config.countries).sort(), tables, years));
    console.log('cell: observations received (r = rejected cells, e = open errors); "—" nothing received');
    for (const e of chain.unreadable) console.error(`mch: ${e.message}`);
    return chain.unreadable.length ? EXIT.cannotRun : EXIT.ok;
  },
});

/** One line per country and year, one column per table. */
export function statusTable(report: QualityReport, countries: string[], tables: string[], years: number[]): string {
  const cells = new Map(report.completeness.map((c) => [`${c.ref_area}|${c.table}|${c.time_period}`, c]));
  const open = new Map<string, number>();
  for (const f of report.findings) {
    if (f.severity !== 'error' || f.waived) continue;
    const k = `${f.ref_area}|${f.table}|${f.time_period ?? ''}`;
    open.set(k, (open.get(k) ?? 0) + 1);
  }
  const width = 12;
  const lines = [['country', 'year', ...tables].map((h, i) => (i < 2 ? h.padEnd(8) : h.padStart(width))).join('')];
  for (const country of countries) {
    for (const year of years) {
      const row = tables.map((t) => {
        const c = cells.get(`${country}|${t}|${year}`);
        const errors = open.get(`${country}|${t}|${year}`) ?? 0;
        if (!c || c.observations + c.rejected === 0) return '—'.padStart(width);
        const extra = [c.rejected ? `${c.rejected}r` : '', errors ? `${errors}e` : ''].filter(Boolean).join(' ');
        return `${c.observations}${extra ? ` ${extra}` : ''}`.padStart(width);
      });
      lines.push(`${country.padEnd(8)}${String(year).padEnd(8)}${row.join('')}`);
    }
  }
  return lines.join('\n');
}
