import { num, table, td, th } from './pdf-cells';
import type { scorecardsView } from './view-scorecard';

type Card = ReturnType<typeof scorecardsView>[number];

const SEVERITY_COLOUR = { error: '#b42318', warning: '#9a6700', info: '#555555' } as const;

/**
 * One landscape page per country: what it sent (left), what failed and was waived (right), then
 * what to ask it. Lists are capped in the view so the page holds (the rest is in report.html).
 */
export function scorecardPage(c: Card): unknown[] {
  const head = `${c.ref_area}: ${c.headline}`;
  const since = c.changes ? `Since ${c.changes.previous}: ${c.changes.new} new, ${c.changes.still_open} still open, ${c.changes.resolved} resolved.` : '';
  const sentTable = table(
    [th('file'), th('received'), th('value cells', { alignment: 'right' }), th('observations', { alignment: 'right' }), th('refused', { alignment: 'right' })],
    c.sent.files.map((f) => [td(`${f.name}${f.supersedes ? ' (supersedes)' : ''}`), td(f.received), num(f.cells), num(f.observations), num(f.refused)]),
  );
  const notes = c.sent.files.flatMap((f) => f.notes.map((n) => ({ text: n, fontSize: 6.5, color: '#666666' })));
  const rules = c.rules.length
    ? table(
        [th('rule'), th('severity'), th('failed', { alignment: 'right' }), th('series', { alignment: 'right' }), th('waived', { alignment: 'right' })],
        c.rules.map((r) => [td(`${r.id} ${r.name}`), td(r.severity, { color: SEVERITY_COLOUR[r.severity] }), num(r.failed), num(r.series), num(r.waived)]),
      )
    : { text: 'No findings.', margin: [0, 0, 0, 6] };
  const waived = c.waivers.map((w) => ({ text: `${w.rule} ${w.message} — ${w.justification} (until ${w.until})`, fontSize: 6.5 }));
  if (c.waivers_more) waived.push({ text: `… and ${c.waivers_more} more`, fontSize: 6.5 });
  const ask = c.ask.map((a) => ({ text: [{ text: `${a.rule} `, color: SEVERITY_COLOUR[a.severity], bold: true }, a.message, a.where ? { text: ` [${a.where}]`, color: '#666666' } : ''], fontSize: 7, margin: [0, 0, 0, 1.5] }));
  return [
    { text: `Country scorecard ${head} / Карточка страны`, style: 'h2', pageBreak: 'before' },
    {
      columns: [
        {
          width: '48%',
          stack: [
            { text: 'What was sent / Что представлено', bold: true },
            { text: `Tables ${c.sent.tables}; ${c.sent.present} present${c.sent.not_counted ? `; ${c.sent.not_counted}` : ''}.${c.sent.late ? ` Declared, not received: ${c.sent.late}.` : ''}`, fontSize: 7, margin: [0, 1, 0, 2] },
            sentTable,
            ...notes,
          ],
        },
        {
          width: '52%',
          stack: [
            { text: 'What failed / Что не прошло проверку', bold: true },
            ...(since ? [{ text: since, fontSize: 7, margin: [0, 1, 0, 2] }] : []),
            rules,
            ...(waived.length ? [{ text: 'What was waived / Исключения', bold: true }, { ul: waived, margin: [0, 1, 0, 4] }] : []),
          ],
        },
      ],
      columnGap: 14,
    },
    { text: 'What to ask the country / Что уточнить у страны', bold: true, margin: [0, 4, 0, 2] },
    ...(ask.length ? [{ ol: ask }] : [{ text: 'Nothing open.', fontSize: 7 }]),
    ...(c.more ? [{ text: `… and ${c.more} more in report.html`, fontSize: 7, color: '#666666' }] : []),
    ...(c.mirror.flagged ? [{ text: `Mirror: ${c.mirror.flagged} pairs outside the band; largest: ${c.mirror.worst.join('; ')}.`, fontSize: 7, margin: [0, 4, 0, 0] }] : []),
  ];
}
