import type { QualityReport } from '@mch/core';
import { PDF_FONT, renderPdf } from '@mch/office';
import { fmt, pct } from './format';
import { reportView } from './report-view';


/** Mirror cell colours of the HTML report, so both forms read the same. */
const FILL: Record<string, string | undefined> = {
  'r-ok': '#d8f0dc',
  'r-off': '#fde8b0',
  'r-high': '#f4a09a',
  'r-low': '#a9c8f0',
  'r-none': '#f4f4f4',
  'r-self': '#dddddd',
};

const th = (text: string) => ({ text, bold: true, fontSize: 7 });
const td = (text: string | number, extra: Record<string, unknown> = {}) => ({ text: String(text), fontSize: 7, ...extra });
const num = (text: string | number, extra: Record<string, unknown> = {}) => td(text, { alignment: 'right', ...extra });

function table(header: string[], rows: unknown[][], widths?: (string | number)[]) {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: widths ?? header.map(() => 'auto'), body: [header.map(th), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

/** report.pdf: the summary of report.html for circulation before the meeting (quality.md). */
export async function renderReportPdf(report: QualityReport): Promise<Buffer> {
  const v = reportView(report);
  const fixed = new Date(`${report.release_date}T00:00:00Z`);
  const gate = report.gate.passed
    ? 'Gate passed: no unwaived error blocks publication. / Проверка пройдена: неустранённых ошибок нет.'
    : `Blocked by ${report.gate.blocking} unwaived error(s). / Публикация заблокирована ошибками: ${report.gate.blocking}.`;
  const content: unknown[] = [
    { text: `Migration Clearing House: quality report ${report.version}`, style: 'h1' },
    { text: `Информационный центр по миграции: отчёт о качестве ${report.version}`, style: 'h1ru' },
    { text: `Release date / дата выпуска: ${report.release_date}`, margin: [0, 0, 0, 4] },
    { text: gate, bold: true, color: report.gate.passed ? '#1a7f37' : '#b42318', margin: [0, 0, 0, 8] },
    { text: 'Rules / Правила', style: 'h2' },
    table(
      ['rule', 'severity', 'checked', 'failed', 'skipped', 'waived'],
      report.rules.map((r) => [td(r.id), td(r.severity), num(fmt(r.checked)), num(fmt(r.failed)), num(fmt(r.skipped)), num(fmt(r.waived))]),
    ),
    { text: 'By country / По странам', style: 'h2' },
    table(
      ['country / страна', 'errors / ошибки', 'warnings / предупр.', 'info / информ.', 'waived / исключено'],
      v.byCountry.map((c) => [td(c.ref_area), ...c.counts.map((n) => num(fmt(n))), num(fmt(c.waived))]),
    ),
    { text: 'Emigration estimated from partner data / Оценка эмиграции по данным стран-партнёров', style: 'h2' },
    table(
      ['sending', 'year', 'partners report immigration', 'own emigration to them', 'own total emigration', 'share covered'],
      report.emigration_estimates.map((e) => [
        td(e.sending),
        td(e.time_period),
        num(fmt(e.partner_reported_immigration)),
        num(fmt(e.own_emigration_to_same_partners)),
        num(fmt(e.own_total_emigration)),
        num(e.coverage_share === null ? '–' : pct(e.coverage_share)),
      ]),
    ),
  ];
  for (const year of v.mirror) {
    content.push(
      { text: `Mirror statistics ${year.year}: immigration ÷ emigration / Зеркальная статистика ${year.year}`, style: 'h2', pageBreak: 'before' },
      {
        text: 'Rows: receiving country (its immigration from the column country); columns: sending country (its emigration to the row country). Red: flagged, immigration higher; blue: flagged, emigration higher; green: within the band. / Строки — страна прибытия, столбцы — страна выбытия.',
        fontSize: 7,
        margin: [0, 0, 0, 4],
      },
      table(
        ['↓ / →', ...year.senders],
        year.rows.map((r) => [td(r.receiving, { bold: true }), ...r.cells.map((c) => num(c.text, { fillColor: FILL[c.cls] }))]),
      ),
    );
  }
  const doc = {
    info: { title: `MCH quality report ${report.version}`, author: 'mch', creator: 'mch', producer: 'mch', creationDate: fixed, modDate: fixed },
    language: 'en',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    defaultStyle: { font: PDF_FONT, fontSize: 8 },
    styles: { h1: { fontSize: 14, bold: true }, h1ru: { fontSize: 12, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] } },
    footer: (page: number, pages: number) => ({ text: `${report.version} — ${page} / ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
    content,
  };
  return renderPdf(doc);
}
