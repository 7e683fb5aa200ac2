import { type Observation, cmp, createPartnerResolver } from '@mch/core';
import type { Change } from '../changes';
import { changeCounts } from '../changes';
import type { ReleaseModel } from '../model';
import type { PublicQualitySummary } from '../quality-summary';
import { SYMBOLS } from '../symbols';
import { type Lang, formatInt, formatPercent } from './format';
import { imemView } from './imem-view';
import { mirrorView } from './mirror-view';
import { groupTables, tableRanges } from './group';
import { processingRows } from './processing-view';

export { tableRanges } from './group';
import { escapeMarkup as esc } from './markup';

export type { Lang } from './format';
export { formatInt } from './format';

/** SIMS 2.0 concepts a configuration may fill in (`metadata.sections`); the templates have a default for each. */
export const SIMS_SECTIONS = [
  'contact',
  'data_description',
  'classification',
  'concepts',
  'population',
  'reference_area',
  'time_coverage',
  'unit_measure',
  'reference_period',
  'institutional_mandate',
  'confidentiality',
  'release_policy',
  'accessibility',
  'accuracy',
  'timeliness',
  'coherence',
  'revision',
  'processing',
  'annex',
] as const;

/** Names configurations use for SIMS concepts: the short name fills the concept's section. */
const SECTION_ALIASES: Record<string, (typeof SIMS_SECTIONS)[number]> = { mandate: 'institutional_mandate', data_sources: 'processing' };

function aliasOf(id: string): string {
  return Object.entries(SECTION_ALIASES).find(([, sims]) => sims === id)?.[0] ?? id;
}

/** "quality_assurance" → "Quality assurance", the heading of a section the outline does not name. */
function humanise(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Rule severities as the notes' reader says them. */
const SEVERITY: Record<string, Record<Lang, string>> = {
  error: { en: 'error', ru: 'ошибка' },
  warning: { en: 'warning', ru: 'предупреждение' },
  info: { en: 'info', ru: 'справка' },
};

/**
 * Everything the notes templates show, in one language, every string already escaped for the
 * markup (so no value from a country file can add a heading, a table or a chart).
 */
export function notesView(model: ReleaseModel, lang: Lang, published: readonly Observation[], summary: PublicQualitySummary, changes: readonly Change[]) {
  const c = model.config;
  const names = createPartnerResolver(model.codelists).names;
  const name = (code: string) => esc(names(code)[lang]);
  const num = (v: number | null) => (v === null ? '—' : formatInt(v));
  const countries = [...new Set([...published.map((o) => o.ref_area), ...Object.keys(c.countries)])].sort(cmp);
  const years = [...c.reference_years].sort((a, b) => a - b);
  const given = (id: string) => c.metadata.sections[id]?.[lang] ?? c.metadata.sections[aliasOf(id)]?.[lang] ?? '';
  const sections = Object.fromEntries(SIMS_SECTIONS.map((id) => [id, esc(given(id))]));
  const extra = Object.keys(c.metadata.sections)
    .filter((id) => !(SIMS_SECTIONS as readonly string[]).includes(id) && !(id in SECTION_ALIASES))
    .sort(cmp)
    .map((id) => ({ id: esc(humanise(id)), text: esc(c.metadata.sections[id]?.[lang] ?? '') }));
  return {
    title: esc(lang === 'en' ? c.metadata.title_en : c.metadata.title_ru),
    version: esc(c.version),
    release_date: esc(c.release_date),
    years: years.length ? `${years[0]}–${years[years.length - 1]}` : '',
    contact: {
      organisation: esc(lang === 'en' ? c.metadata.contact.organisation : c.metadata.contact.organisation_ru),
      unit: esc(lang === 'ru' && c.metadata.contact.unit_ru ? c.metadata.contact.unit_ru : c.metadata.contact.unit),
      email: esc(c.metadata.contact.email),
    },
    sections,
    extra_sections: extra,
    countries: countries.map((code) => ({ code: esc(code), name: name(code) })),
    tables: model.tableSet.tables.map((t) => ({ id: esc(t.id), title: esc(lang === 'en' ? t.title_en : t.title_ru) })),
    symbols: SYMBOLS.map((s) => ({ symbol: esc(s.excel), meaning: esc(s[lang]) })),
    processing: processingRows(model, countries, lang, published),
    breaks: model.breaks
      .filter((b) => countries.includes(b.ref_area))
      .sort((a, b) => cmp(a.ref_area, b.ref_area) || a.first_year - b.first_year)
      .map((b) => ({ country: name(b.ref_area), year: b.first_year, tables: esc(tableRanges(b.tables)), text: esc(lang === 'en' ? b.text_en : b.text_ru) })),
    remarks: groupTables(
      model.data.remarks.map((r) => ({ key: `${r.ref_area}|${lang === 'en' ? r.text_en : r.text_ru}`, table: r.table, row: { ref_area: r.ref_area, text: lang === 'en' ? r.text_en : r.text_ru } })),
    )
      .sort((a, b) => cmp(a.row.ref_area, b.row.ref_area) || cmp(a.tables, b.tables))
      .map(({ row, tables }) => ({ country: name(row.ref_area), table: esc(tables), text: esc(row.text) })),
    rules: summary.rules.map((r) => ({
      id: esc(r.id),
      severity: esc(SEVERITY[r.severity]?.[lang] ?? r.severity),
      checked: formatInt(r.checked),
      failed: formatInt(r.failed),
      skipped: formatInt(r.skipped),
      waived: formatInt(r.waived),
    })),
    mirror: mirrorView(summary, c, lang, name),
    estimates: summary.emigration_estimates.map((e) => ({
      sending: name(e.sending),
      year: e.time_period,
      partners: e.partners.length,
      partner_reported: num(e.partner_reported_immigration),
      own: num(e.own_emigration_to_same_partners),
      coverage: e.coverage_share === null ? '—' : formatPercent(e.coverage_share, lang),
    })),
    previous: model.previous ? esc(model.previous.version) : '',
    revisions: revisionRows(changes, name),
    annex: annexRows(published, name),
    imem: imemView(c, model.tableSet, published, model.data.analytical ?? [], lang, name),
  };
}

export type NotesView = ReturnType<typeof notesView>;

/** Revisions per country: counts, and the tables where values were revised or withdrawn. */
function revisionRows(changes: readonly Change[], name: (c: string) => string) {
  const byCountry = new Map<string, { ref_area: string; revised: number; new: number; withdrawn: number; tables: string[] }>();
  for (const c of changeCounts(changes)) {
    const row = byCountry.get(c.ref_area) ?? { ref_area: c.ref_area, revised: 0, new: 0, withdrawn: 0, tables: [] };
    row.revised += c.revised;
    row.new += c.new;
    row.withdrawn += c.withdrawn;
    if (c.revised || c.withdrawn) row.tables.push(c.table);
    byCountry.set(c.ref_area, row);
  }
  return [...byCountry.values()].map((r) => ({ country: name(r.ref_area), tables: esc(tableRanges(r.tables)) || '—', revised: formatInt(r.revised), new: formatInt(r.new), withdrawn: formatInt(r.withdrawn) }));
}

/** Derived series (aggregates computed by harmonise) published where the country reported none, per country. */
function annexRows(published: readonly Observation[], name: (c: string) => string) {
  const counts = new Map<string, Map<string, number>>();
  for (const o of published) {
    if (!o.derived) continue;
    const tables = counts.get(o.ref_area) ?? new Map<string, number>();
    tables.set(o.table, (tables.get(o.table) ?? 0) + 1);
    counts.set(o.ref_area, tables);
  }
  return [...counts]
    .sort(([a], [b]) => cmp(a, b))
    .map(([country, tables]) => ({
      country: name(country),
      tables: esc([...tables].sort(([a], [b]) => cmp(a, b)).map(([t, n]) => `${t}\u00a0(${n})`).join(', ')),
      count: formatInt([...tables.values()].reduce((s, n) => s + n, 0)),
    }));
}
