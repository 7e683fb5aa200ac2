import { type CodeLists, cmp, createPartnerResolver, shownCoverage } from '@mch/core';
import { formatInt, shareText } from './pdf/format';
import { escapeMarkup as esc, parseMarkup } from './pdf/markup';
import { columnLayout } from './pdf/table-layout';
import { MATRIX_HEAD, matrixMarkup, matrixHtml, matrixCss } from './quality-matrix';
import type { PublicQualitySummary } from './quality-summary';
import { scorecardsMarkup } from './quality-scorecards';

/**
 * quality/report.html and quality/report.pdf: the public quality summary (quality.md "Public")
 * for readers, from one markup text so both say the same: the mirror matrix of every year first,
 * then the emigration estimates, the rules, completeness and one scorecard per country.
 */
export function qualityReportMarkup(summary: PublicQualitySummary, codelists: CodeLists): string {
  const names = createPartnerResolver(codelists).names;
  const num = (v: number | null) => (v === null ? '—' : formatInt(v));
  const lines: string[] = [
    `# ${esc(`Quality summary of release ${summary.version} / Сводка о качестве, выпуск ${summary.version}`)}`,
    '',
    esc(`Published ${summary.release_date}. Quality gate: ${summary.gate.passed ? 'passed' : 'closed'}. Country queries, waivers and confidential values are not part of this summary; every figure is also in quality/report.json.`),
    '',
    ...matrixMarkup(summary),
    ...estimatesMarkup(summary, names),
    '## Rules / Правила',
    '',
    '| Rule | Severity | Checked | Failed | Skipped | Waived |',
    '|---|---|---|---|---|---|',
    ...summary.rules.map((r) => `| ${esc(r.id)} | ${esc(r.severity)} | ${num(r.checked)} | ${num(r.failed)} | ${num(r.skipped)} | ${num(r.waived)} |`),
    '',
    ...completenessMarkup(summary),
    ...scorecardsMarkup(summary, names),
  ];
  return lines.join('\n');
}

/** Country × table over the years of the release: the share of the cells received that hold a figure. */
function completenessMarkup(summary: PublicQualitySummary): string[] {
  const tables = [...new Set(summary.completeness.map((c) => c.table))].sort(cmp);
  const countries = [...new Set(summary.completeness.map((c) => c.ref_area))].sort(cmp);
  const at = new Map<string, { received: number; present: number; expected: boolean }>();
  for (const c of summary.completeness) {
    const k = `${c.ref_area}|${c.table}`;
    const x = at.get(k) ?? { received: 0, present: 0, expected: false };
    x.received += c.observations + c.rejected;
    x.present += c.present ?? c.observations - c.missing_values;
    x.expected ||= c.expected;
    at.set(k, x);
  }
  const cell = (r: string, t: string) => {
    const x = at.get(`${r}|${t}`);
    if (!x?.received) return x?.expected ? 'not received' : '—';
    return x.present === x.received ? '100' : shareText(x.present, x.received);
  };
  return [
    '## Completeness / Полнота',
    '',
    esc('Per country and table, over the years of the release: the percentage of the cells received (refused ones included) that hold a figure, x (cannot exist) or a confidential value; "not received": declared but not sent; —: neither declared nor sent.'),
    '',
    `| Country | ${tables.join(' | ')} |`,
    `|${'---|'.repeat(tables.length + 1)}`,
    ...countries.map((r) => `| ${esc(r)} | ${tables.map((t) => cell(r, t)).join(' | ')} |`),
    '',
  ];
}

/** Each sending country's emigration as its partners report it, year by year, beside its own figure and the share of it they cover. */
function estimatesMarkup(summary: PublicQualitySummary, names: (code: string) => { en: string }): string[] {
  const years = [...new Set(summary.emigration_estimates.map((e) => e.time_period))].sort((a, b) => a - b);
  const senders = [...new Set(summary.emigration_estimates.map((e) => e.sending))].sort(cmp);
  const at = new Map(summary.emigration_estimates.map((e) => [`${e.sending}|${e.time_period}`, e]));
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatInt(v));
  // three tables of one figure each: a table of every figure by year is too wide to read
  const table = (title: string, pick: (e: PublicQualitySummary['emigration_estimates'][number]) => string) => [
    `### ${esc(title)}`,
    '',
    `| Sending country | ${years.join(' | ')} |`,
    `|${'---|'.repeat(years.length + 1)}`,
    ...senders.map((s) => `| ${esc(names(s).en)} | ${years.map((y) => { const e = at.get(`${s}|${y}`); return e ? pick(e) : '—'; }).join(' | ')} |`),
    '',
  ];
  return [
    '## Emigration estimated from partner data / Оценка эмиграции по данным стран-партнёров',
    '',
    esc('For each sending country and year: the immigration from it that the other Clearing House countries report, its own emigration to the same partners, and the share of its total emigration those partners take by its own figures (coverage).'),
    '',
    ...table('Immigration from the sending country, as its partners report it / Иммиграция по данным стран-партнёров', (e) => num(e.partner_reported_immigration)),
    ...table('The sending country\'s own emigration to the same partners / Эмиграция в те же страны по данным страны выбытия', (e) => num(e.own_emigration_to_same_partners)),
    ...table('Coverage: share of its total emigration those partners take / Доля охвата', (e) => (e.coverage_share === null ? '—' : `${(shownCoverage(e)! * 100).toFixed(1)}\u00a0%`)),
  ];
}

/** A self-contained HTML page: no script, no external resource, every text escaped; the matrices coloured as in the PDF. */
export function qualityReportHtml(markup: string, title: string): string {
  const body = parseMarkup(markup).map(blockHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${html(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border-bottom:1px solid #ccc;padding:.2em .6em;text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}${matrixCss()}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function blockHtml(b: ReturnType<typeof parseMarkup>[number]): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${html(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${html(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`;
    case 'table':
      return b.header[0] === MATRIX_HEAD ? matrixHtml(b, html) : tableHtml(b);
    case 'chart':
      return '';
  }
}

/** Columns of figures are right-aligned, header included, as in the PDF (the same test of what a figure is). */
function tableHtml(b: Extract<ReturnType<typeof parseMarkup>[number], { kind: 'table' }>): string {
  const { numeric } = columnLayout(b.header, b.rows);
  const cls = (i: number) => (numeric[i] ? ' class="n"' : '');
  const head = b.header.map((h, i) => `<th scope="col"${cls(i)}>${html(h)}</th>`).join('');
  const body = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${html(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export { qualityReportPdf } from './quality-report-pdf';
