import { join } from 'node:path';
import type { Observation } from '@mch/core';
import { createPartnerResolver } from '@mch/core';
import type { Change } from '../changes';
import type { ReleaseModel } from '../model';
import type { PublicQualitySummary } from '../quality-summary';
import { mirrorChart } from './chart';
import { formatDecimal } from './format';
import { type Lang, notesView } from './notes-view';
import { markupToPdf, renderTemplate } from './render';

/** notes/methodology.<lang>.pdf from templates/notes/methodology.<lang>.hbs. */
export async function methodologyPdf(
  model: ReleaseModel,
  lang: Lang,
  published: readonly Observation[],
  summary: PublicQualitySummary,
  changes: readonly Change[],
): Promise<Buffer> {
  const view = notesView(model, lang, published, summary, changes);
  const markup = await renderTemplate(join(model.templatesDir, 'notes', `methodology.${lang}.hbs`), view);
  const names = createPartnerResolver(model.codelists).names;
  const caption = lang === 'en' ? 'Mirror ratio I / E, log scale, band 0.5 to 2' : 'Зеркальное отношение I / E, логарифмическая шкала, диапазон от 0,5 до 2';
  const chart = mirrorChart(summary.mirror, (m) => `${names(m.receiving)[lang]} ← ${names(m.sending)[lang]}`, caption, (r) => formatDecimal(r, 2, lang));
  const c = model.config;
  return markupToPdf(markup, {
    title: lang === 'en' ? c.metadata.title_en : c.metadata.title_ru,
    author: lang === 'en' ? c.metadata.contact.organisation : c.metadata.contact.organisation_ru,
    language: lang === 'en' ? 'en-GB' : 'ru-RU',
    date: c.release_date,
    charts: { mirror: chart },
  });
}
