import type { FindingGroup, QualityReport } from '@mch/core';
import { MIRROR_COLOURS } from '@mch/core';
import { PDF_FONT, renderPdf } from '@mch/office';
import { fmt } from './format';
import { num, table, td, th } from './pdf-cells';
import { scorecardPage } from './report-pdf-scorecard';
import { reportView } from './report-view';
import { COMPLETENESS_COLOURS, type CompletenessClass } from './view-completeness';

type View = ReturnType<typeof reportView>;
type Matrix = View['mirror'][number];

/** One year's matrix as a pdfmake table, coloured as in report.html. */
function matrixTable(m: Matrix, size: number) {
  const cell = { fontSize: size, alignment: 'center' };
  return {
    stack: [
      { text: `${m.year}: ${m.flagged} of ${m.compared} pairs outside the band`, bold: true, fontSize: size + 1, margin: [0, 0, 0, 2] },
      {
        table: {
          headerRows: 1,
          widths: [size * 3.4, ...m.senders.map(() => size * 3.4)],
          body: [
            [th('in ↓ out →', { fontSize: size - 2.5 }), ...m.senders.map((s) => th(s, cell))],
            ...m.rows.map((r) => [th(r.receiving, { fontSize: size }), ...r.cells.map((c) => ({ text: c.text, ...cell, fillColor: c.fill.fill, color: c.fill.text }))]),
          ],
        },
        layout: { hLineColor: '#ffffff', vLineColor: '#ffffff', hLineWidth: () => 1, vLineWidth: () => 1, paddingLeft: () => 1, paddingRight: () => 1, paddingTop: () => size / 5, paddingBottom: () => size / 5 },
      },
    ],
  };
}

function legend(v: View) {
  return {
    columns: v.mirrorLegend.map((l) => {
      const c = MIRROR_COLOURS[l.cls.slice(2) as keyof typeof MIRROR_COLOURS];
      return { width: 'auto', table: { body: [[{ text: l.en, fontSize: 6.5, fillColor: c.fill, color: c.text }]] }, layout: 'noBorders', margin: [0, 0, 4, 0] };
    }),
    margin: [0, 2, 0, 6],
  };
}

/** Page 1 and the pages after it: the matrix of the latest year first, then the others two by two. */
function mirrorPages(v: View): unknown[] {
  const [latest, ...rest] = v.mirror;
  const explain = `Rows: the receiving country's immigration from the column country (its T04); columns: the sending country's emigration to the row country (its T08); both sexes, best type. Band ${v.mirrorBand.low}–${v.mirrorBand.high}; flagged outside it when the larger flow is at least ${v.mirrorBand.min} persons. / Строки — страна прибытия, столбцы — страна выбытия; диапазон ${v.mirrorBand.low}–${v.mirrorBand.high}, минимальный поток ${v.mirrorBand.min} чел.`;
  const out: unknown[] = [{ text: 'Mirror matrix: immigration ÷ emigration / Зеркальная матрица', style: 'h2' }, { text: explain, fontSize: 7, margin: [0, 0, 0, 3] }, legend(v)];
  if (!latest) return [...out, { text: 'No mirror pairs.' }];
  out.push(matrixTable(latest, 11));
  for (let i = 0; i < rest.length; i += 2) {
    out.push({ text: 'Mirror matrix, earlier years / Зеркальная матрица, прежние годы', style: 'h2', pageBreak: 'before' }, legend(v), {
      columns: rest.slice(i, i + 2).map((m) => ({ width: '50%', ...matrixTable(m, 7) })),
      columnGap: 12,
    });
  }
  return out;
}

function estimatesPage(v: View): unknown[] {
  const e = v.estimates;
  return [
    { text: 'Emigration estimated from partner data / Оценка эмиграции по данным стран-партнёров', style: 'h2', pageBreak: 'before' },
    { text: 'Partners: immigration from the sending country reported by the other Clearing House countries; own: the sending country’s emigration to the same partners; covered: the share of its total emigration those partners take, by its own figures.', fontSize: 7, margin: [0, 0, 0, 4] },
    table(
      [th('sending'), ...e.years.flatMap((y) => [th(`${y} partners`, { alignment: 'right' }), th('own', { alignment: 'right' }), th('covered', { alignment: 'right' })])],
      e.rows.map((r) => [td(r.sending, { bold: true }), ...r.cells.flatMap((c) => [num(c.partner), num(c.own), num(c.covered)])]),
    ),
  ];
}

function summaryPage(v: View): unknown[] {
  const out: unknown[] = [{ text: 'Rules / Правила', style: 'h2', pageBreak: 'before' }];
  out.push(
    table(
      [th('rule'), th('name'), th('severity'), th('checked', { alignment: 'right' }), th('failed', { alignment: 'right' }), th('skipped', { alignment: 'right' }), th('waived', { alignment: 'right' })],
      v.rules.map((r) => [td(r.id), td(r.name), td(r.severity), num(fmt(r.checked)), num(fmt(r.failed)), num(fmt(r.skipped)), num(fmt(r.waived))]),
    ),
  );
  if (v.changes) {
    const c = v.changes;
    out.push(
      { text: `Since release ${c.previous}: ${c.totals.new} new, ${c.totals.still_open} still open, ${c.totals.resolved} resolved (errors and warnings) / По сравнению с выпуском ${c.previous}`, style: 'h2' },
      table([th('country'), th('new', { alignment: 'right' }), th('still open', { alignment: 'right' }), th('resolved', { alignment: 'right' })], c.rows.map((r) => [td(r.ref_area), num(r.new), num(r.still_open), num(r.resolved)])),
    );
  }
  return out;
}

function completenessPage(v: View): unknown[] {
  const c = v.completeness;
  const fill = (cls: string) => COMPLETENESS_COLOURS[cls as CompletenessClass]?.fill;
  return [
    { text: 'Completeness: cells present of the cells received / Полнота', style: 'h2', pageBreak: 'before' },
    { columns: c.legend.map((l) => ({ width: 'auto', table: { body: [[{ text: l.en, fontSize: 6.5, fillColor: fill(l.cls) }]] }, layout: 'noBorders', margin: [0, 0, 4, 0] })), margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 2,
        widths: [24, ...c.years.map(() => '*')],
        body: [
          [th('country', { fontSize: 6 }), ...c.tables.flatMap((t) => [th(t.id, { colSpan: t.span, alignment: 'center', fontSize: 6 }), ...Array.from({ length: t.span - 1 }, () => ({}))])],
          [th(''), ...c.years.map((y) => th(String(y).slice(2), { fontSize: 5.5, alignment: 'center' }))],
          ...c.rows.map((r) => [th(r.ref_area, { fontSize: 6.5 }), ...r.cells.map((x) => ({ text: x.text, fontSize: 6, alignment: 'center', fillColor: fill(x.cls) }))]),
        ],
      },
      layout: { hLineColor: '#ffffff', vLineColor: '#ffffff', hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingLeft: () => 0.5, paddingRight: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
    },
  ];
}

/** report.pdf: the matrix first, then the estimates, the rules, completeness and one page per country (quality.md). */
export async function renderReportPdf(report: QualityReport, groups?: readonly FindingGroup[]): Promise<Buffer> {
  const v = reportView(report, groups);
  const fixed = new Date(`${report.release_date}T00:00:00Z`);
  const gate = report.gate.passed
    ? 'Gate passed: no unwaived error blocks publication. / Проверка пройдена: неустранённых ошибок нет.'
    : `Blocked by ${report.gate.blocking} unwaived error(s). / Публикация заблокирована ошибками: ${report.gate.blocking}.`;
  const content: unknown[] = [
    { text: `Migration Clearing House: quality report ${report.version}`, style: 'h1' },
    { text: `Информационный центр по миграции: отчёт о качестве ${report.version}`, style: 'h1ru' },
    { text: [`Release date / дата выпуска: ${report.release_date}.  `, { text: gate, bold: true, color: report.gate.passed ? '#1a7f37' : '#b42318' }], margin: [0, 0, 0, 4] },
  ];
  if (v.runWarnings.length) content.push({ text: 'Warnings about this run / Предупреждения о прогоне', bold: true, fontSize: 8 }, { ul: v.runWarnings.map((w) => ({ text: `[${w.where}] ${w.message}`, fontSize: 7 })), margin: [0, 0, 0, 4] });
  for (const part of [mirrorPages(v), estimatesPage(v), summaryPage(v), completenessPage(v)].flat()) content.push(part);
  for (const card of v.scorecards) for (const part of scorecardPage(card)) content.push(part);
  const doc = {
    info: { title: `MCH quality report ${report.version}`, author: 'mch', creator: 'mch', producer: 'mch', creationDate: fixed, modDate: fixed },
    language: 'en',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 30, 36, 30],
    defaultStyle: { font: PDF_FONT, fontSize: 8 },
    styles: { h1: { fontSize: 14, bold: true }, h1ru: { fontSize: 12, bold: true, margin: [0, 0, 0, 4] }, h2: { fontSize: 11, bold: true, margin: [0, 4, 0, 4] } },
    footer: (page: number, pages: number) => ({ text: `${report.version} — ${page} / ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
    content,
  };
  return renderPdf(doc);
}
