import { type Observation, createPartnerResolver } from '@mch/core';
import type { ReleaseModel } from '../model';
import type { Lang } from './format';
import { escapeMarkup as esc } from './markup';
import { groupTables } from './group';

/** Source kinds the demonstration and the questionnaire use, in the notes' two languages. */
const SOURCE_KIND: Record<string, Record<Lang, string>> = {
  register: { en: 'register', ru: 'регистр' },
  'population register': { en: 'population register', ru: 'регистр населения' },
  'border crossings': { en: 'border crossings', ru: 'пограничный контроль' },
  census: { en: 'census', ru: 'перепись' },
  survey: { en: 'survey', ru: 'обследование' },
  estimate: { en: 'estimate', ru: 'оценка' },
};

const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Statistical processing per country: tables that share source, definition basis, reference date
 * and territory are one row ("T04–T10"), so the table stays a few rows per country. The
 * configuration is the curated record and wins over the Metadata sheet, except that a Russian
 * text from the sheet is preferred in the Russian notes (the configuration's text is English).
 * Reference dates are said in the notes' language: flows cover the calendar year.
 */
export function processingRows(model: ReleaseModel, countries: readonly string[], lang: Lang, published: readonly Observation[]) {
  const names = createPartnerResolver(model.codelists).names;
  const reported = new Set(published.map((o) => `${o.ref_area}|${o.table}`));
  const items = [];
  for (const country of countries) {
    const settings = model.config.countries[country];
    for (const t of model.tableSet.tables) {
      const meta = model.data.metadata.find((m) => m.ref_area === country && m.table === t.id);
      if (!meta && !reported.has(`${country}|${t.id}`)) continue;
      const basis = settings?.definition_basis[t.id] ?? settings?.definition_basis.default ?? meta?.definition_basis ?? '';
      const changes = (settings?.basis_changes ?? []).filter((c) => !c.tables || c.tables.includes(t.id)).sort((a, b) => a.first_year - b.first_year);
      const row = {
        country,
        source: sourceText(meta?.source_kind ?? '', lang),
        basis: [basis, ...changes.map((c) => (lang === 'en' ? `from ${c.first_year} ${c.basis}` : `с ${c.first_year} г. ${c.basis}`))].filter(Boolean).join('; '),
        reference_date: referenceDate(t.kind, settings?.stock_reference, meta?.reference_date ?? '', lang),
        territory: territoryText(lang === 'ru' && settings?.territory_ru ? settings.territory_ru : (settings?.territory ?? ''), meta?.territory ?? '', lang),
      };
      items.push({ key: JSON.stringify(row), table: t.id, row });
    }
  }
  return groupTables(items).map(({ row, tables }) => ({
    country: esc(names(row.country)[lang]),
    tables: esc(tables),
    source: esc(row.source) || '—',
    basis: esc(row.basis) || '—',
    reference_date: esc(row.reference_date) || '—',
    territory: esc(row.territory) || '—',
  }));
}

function sourceText(kind: string, lang: Lang): string {
  return SOURCE_KIND[kind.trim().toLowerCase()]?.[lang] ?? kind;
}

/** Flows: the calendar year. Stocks: the configured reference date, else a date the sheet gives (a census day). */
export function referenceDate(kind: string, configured: string | undefined, fromSheet: string, lang: Lang): string {
  if (kind !== 'stock') return lang === 'en' ? 'calendar year' : 'календарный год';
  if (configured === '01-01' || (!configured && fromSheet === '01-01')) return lang === 'en' ? '1 January' : '1 января';
  if (configured === '12-31' || (!configured && fromSheet === '12-31')) return lang === 'en' ? '31 December, shown as 1 January' : '31 декабря, показано на 1 января';
  return /^\d{4}-\d{2}-\d{2}$/.test(fromSheet) ? fromSheet : '';
}

/** The configuration's territory (English), or the sheet's; in the Russian notes a Russian text from the sheet first. */
export function territoryText(configured: string, fromSheet: string, lang: Lang): string {
  if (lang === 'ru' && CYRILLIC.test(configured)) return configured;
  if (lang === 'ru' && CYRILLIC.test(fromSheet)) return fromSheet;
  if (lang === 'en' && CYRILLIC.test(fromSheet)) return configured;
  return configured || fromSheet;
}
