import { join } from 'node:path';
import type { Observation } from '@mch/core';
import { createPartnerResolver } from '@mch/core';
import type { ReleaseChanges } from '../changes';
import type { ReleaseModel } from '../model';
import type { PublicQualitySummary } from '../quality-summary';
import type { MirrorChartText } from './chart';
import { type Lang, type NotesView, notesView } from './notes-view';
import { type NotesPdfJob, renderNotesPdf } from './jobs';
import { renderTemplate } from './render';

/** The markup of the notes in one language: the template rendered with the view. */
export async function methodologyMarkup(model: ReleaseModel, view: NotesView, lang: Lang): Promise<string> {
  return renderTemplate(join(model.templatesDir, 'notes', `methodology.${lang}.hbs`), view);
}

/** The chart's words in the notes' language; its bars are the rows of the mirror table. */
export function mirrorChartText(model: ReleaseModel, view: NotesView, lang: Lang): MirrorChartText {
  const names = createPartnerResolver(model.codelists).names;
  const m = view.mirror;
  const en = lang === 'en';
  return {
    caption: en ? `Mirror ratio I / E of the ${m.shown} pairs of the table, ${m.year}` : `Зеркальное отношение I / E для ${m.shown} пар таблицы, ${m.year} г.`,
    axis: en ? 'I / E, logarithmic scale (1: both countries report the same flow)' : 'I / E, логарифмическая шкала (1: обе страны сообщают одинаковый поток)',
    outside: en ? `ratio outside the band of ${m.band_low} to ${m.band_high} (flagged pair)` : `отношение вне диапазона от ${m.band_low} до ${m.band_high} (отмеченная пара)`,
    inside: en ? `ratio inside the band of ${m.band_low} to ${m.band_high}` : `отношение в диапазоне от ${m.band_low} до ${m.band_high}`,
    band: en ? `the band of ${m.band_low} to ${m.band_high}` : `диапазон от ${m.band_low} до ${m.band_high}`,
    parity: en ? 'ratio 1: immigration reported by the receiving country equals emigration reported by the sending country' : 'отношение 1: иммиграция по данным принимающей страны равна эмиграции по данным отправляющей',
    label: (r) => `${names(r.pair.receiving)[lang]} ← ${names(r.pair.sending)[lang]}`,
  };
}

/** notes/methodology.<lang>.pdf from templates/notes/methodology.<lang>.hbs, as a job for renderNotesPdf. */
export async function methodologyPdfJob(
  model: ReleaseModel,
  lang: Lang,
  published: readonly Observation[],
  summary: PublicQualitySummary,
  changes: ReleaseChanges,
): Promise<NotesPdfJob> {
  const view = notesView(model, lang, published, summary, changes);
  const markup = await methodologyMarkup(model, view, lang);
  const { label, ...text } = mirrorChartText(model, view, lang);
  const c = model.config;
  return {
    kind: 'notes',
    markup,
    mirror: { rows: view.mirror.rows, band: view.mirror.band, text, labels: view.mirror.rows.map(label) },
    options: {
      title: lang === 'en' ? c.metadata.title_en : c.metadata.title_ru,
      author: lang === 'en' ? c.metadata.contact.organisation : c.metadata.contact.organisation_ru,
      language: lang === 'en' ? 'en-GB' : 'ru-RU',
      date: c.release_date,
    },
  };
}

/** notes/methodology.<lang>.pdf, laid out in this thread. */
export async function methodologyPdf(
  model: ReleaseModel,
  lang: Lang,
  published: readonly Observation[],
  summary: PublicQualitySummary,
  changes: ReleaseChanges,
): Promise<Buffer> {
  return renderNotesPdf(await methodologyPdfJob(model, lang, published, summary, changes));
}
