import { type CodeLists, cmp, createPartnerResolver } from '@mch/core';
import { type Block, escapeMarkup as esc, parseMarkup } from './pdf/markup';
import { formatInt } from './pdf/notes-view';
import { markupToPdf } from './pdf/render';
import { columnLayout } from './pdf/table-layout';
import type { PublicQualitySummary } from './quality-summary';

/**
 * quality/report.html and quality/report.pdf: the public quality summary (quality.md "Public")
 * for readers, from one markup text so both say the same. Headings in English and Russian.
 */
export function qualityReportMarkup(summary: PublicQualitySummary, codelists: CodeLists): string {
  const names = createPartnerResolver(codelists).names;
  const num = (v: number | null) => (v === null ? '—' : formatInt(v));
  const lines: string[] = [
    `# ${esc(`Quality summary of release ${summary.version} / Сводка о качестве, выпуск ${summary.version}`)}`,
    '',
    esc(`Published ${summary.release_date}. Quality gate: ${summary.gate.passed ? 'passed' : 'closed'}. Country queries, waivers and confidential values are not part of this summary; every figure is also in quality/report.json.`),
    '',
    '## Rules / Правила',
    '',
    '| Rule | Severity | Checked | Failed | Skipped | Waived |',
    '|---|---|---|---|---|---|',
    ...summary.rules.map((r) => `| ${esc(r.id)} | ${esc(r.severity)} | ${num(r.checked)} | ${num(r.failed)} | ${num(r.skipped)} | ${num(r.waived)} |`),
    '',
    '## Completeness / Полнота',
    '',
    '| Country | Table | Years expected | Observations | Missing values | Rejected |',
    '|---|---|---|---|---|---|',
    ...completenessRows(summary).map((c) => `| ${esc(c.ref_area)} | ${esc(c.table)} | ${c.years} | ${num(c.observations)} | ${num(c.missing)} | ${num(c.rejected)} |`),
    '',
    '## Mirror statistics / Зеркальная статистика',
    '',
    esc('Immigration reported by the receiving country (I) against emigration reported by the sending country (E), both sexes; ! marks a ratio outside the band (0.5 to 2 unless configured) where the larger of the two flows reaches the minimum size (50 persons unless configured).'),
    '',
    '| Year | Receiving (I) | Sending (E) | Immigration | Emigration | I / E | Flag |',
    '|---|---|---|---|---|---|---|',
    ...summary.mirror
      .filter((m) => m.sex === '_T')
      .map((m) => `| ${m.time_period} | ${esc(names(m.receiving).en)} | ${esc(names(m.sending).en)} | ${num(m.immigration)} | ${num(m.emigration)} | ${m.ratio === null ? '—' : m.ratio.toFixed(2)} | ${m.flagged ? '!' : ''} |`),
    '',
    '## Emigration estimated from partner data / Оценка эмиграции по данным стран-партнёров',
    '',
    '| Sending country | Year | Partners | Partner-reported immigration | Own emigration to them | Coverage |',
    '|---|---|---|---|---|---|',
    ...summary.emigration_estimates.map(
      (e) => `| ${esc(names(e.sending).en)} | ${e.time_period} | ${e.partners.length} | ${num(e.partner_reported_immigration)} | ${num(e.own_emigration_to_same_partners)} | ${e.coverage_share === null ? '—' : `${(e.coverage_share * 100).toFixed(1)}\u00a0%`} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

function completenessRows(summary: PublicQualitySummary) {
  const rows = new Map<string, { ref_area: string; table: string; years: number; observations: number; missing: number; rejected: number }>();
  for (const c of summary.completeness) {
    const key = `${c.ref_area}|${c.table}`;
    const row = rows.get(key) ?? { ref_area: c.ref_area, table: c.table, years: 0, observations: 0, missing: 0, rejected: 0 };
    if (c.expected) row.years++;
    row.observations += c.observations;
    row.missing += c.missing_values;
    row.rejected += c.rejected;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.table, b.table));
}

/** A self-contained HTML page: no script, no external resource, every text escaped. */
export function qualityReportHtml(markup: string, title: string): string {
  const body = parseMarkup(markup).map(blockHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${html(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border-bottom:1px solid #ccc;padding:.2em .6em;text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${html(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${html(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(b);
    case 'chart':
      return '';
  }
}

/** Columns of figures are right-aligned, header included, as in the PDF (the same test of what a figure is). */
function tableHtml(b: Extract<Block, { kind: 'table' }>): string {
  const { numeric } = columnLayout(b.header, b.rows);
  const cls = (i: number) => (numeric[i] ? ' class="n"' : '');
  const head = b.header.map((h, i) => `<th scope="col"${cls(i)}>${html(h)}</th>`).join('');
  const body = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${html(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function qualityReportPdf(markup: string, title: string, date: string): Promise<Buffer> {
  return markupToPdf(markup, { title, author: 'UNECE Statistical Division', language: 'en-GB', date, charts: {} });
}
