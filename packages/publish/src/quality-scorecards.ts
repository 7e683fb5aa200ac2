import { cellsNotCounted, cmp, ruleName } from '@mch/core';
import { formatInt, shareText } from './pdf/format';
import { escapeMarkup as esc } from './pdf/markup';
import type { PublicQualitySummary } from './quality-summary';

/** "T01–T05 T07": runs of consecutive table numbers joined. */
function tableRuns(tables: readonly string[]): string {
  const runs: string[][] = [];
  for (const t of [...new Set(tables)].sort(cmp)) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && Number(t.slice(1)) === Number(prev.slice(1)) + 1) last.push(t);
    else runs.push([t]);
  }
  return runs.map((r) => (r.length > 2 ? `${r[0]}–${r[r.length - 1]}` : r.join(' '))).join(' ');
}

const counted = (n: number, what: string) => `${formatInt(n)} ${what}${n === 1 ? '' : 's'}`;

/**
 * One scorecard per country for readers of the release: what it sent and how its figures fared,
 * in counts. `[[chart:page-xxx]]` starts each on a page of its own in the PDF; the questions to the
 * country stay in the internal report.
 */
export function scorecardsMarkup(summary: PublicQualitySummary, names: (code: string) => { en: string }): string[] {
  const cards = summary.countries ?? [];
  if (!cards.length) return [];
  // the section starts a page with its first card; every other card starts one of its own
  const out = ['[[chart:page-scorecards]]', '## Country scorecards / Карточки стран', ''];
  for (const [i, c] of cards.entries()) {
    const share = c.cells_received ? ` (${shareText(c.cells_present, c.cells_received)}\u00a0%)` : '';
    const refused = c.files.reduce((n, f) => n + f.rejections, 0);
    const other = cellsNotCounted(c.files, c.cells_received);
    const notCounted = other > 0 ? ` ${formatInt(other)} more value ${other === 1 ? 'cell' : 'cells'} of these files are not in this count, such as cells another file (or the same one) gives again and cells of years or tables outside the release.` : '';
    out.push(
      i === 0 ? '' : `[[chart:page-${c.ref_area.toLowerCase()}]]`,
      `### ${esc(`${names(c.ref_area).en} (${c.ref_area})`)}`,
      '',
      esc(`Sent: ${counted(c.files.length, 'file')}, tables ${tableRuns(c.tables) || '—'}; ${formatInt(c.cells_present)} of ${formatInt(c.cells_received)} cells received hold a figure${share}; ${formatInt(refused)} refused at reading.${notCounted}`),
      '',
      '| File | Received | Value cells | Observations | Refused |',
      '|---|---|---|---|---|',
      ...c.files.map((f) => `| ${esc(f.file)} | ${esc(f.received || '—')} | ${formatInt(f.value_cells)} | ${formatInt(f.observations)} | ${formatInt(f.rejections)} |`),
      '',
      esc(`Findings: ${counted(c.errors, 'error')}, ${counted(c.warnings, 'warning')}, ${formatInt(c.info)} for information, ${formatInt(c.waived)} waived (accepted with a justification). The questions put to the country are in the internal report.`),
      '',
    );
    if (c.rules.length) {
      out.push('| Rule | Name | Severity | Findings | Waived |', '|---|---|---|---|---|', ...c.rules.map((r) => `| ${esc(r.id)} | ${esc(ruleName(r.id, 'en'))} | ${esc(r.severity)} | ${formatInt(r.findings)} | ${formatInt(r.waived)} |`), '');
    }
  }
  return out;
}
