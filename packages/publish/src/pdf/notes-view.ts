import { type Observation, cmp, createPartnerResolver } from '@mch/core';
import type { Change } from '../changes';
import { changeCounts } from '../changes';
import type { ReleaseModel } from '../model';
import type { PublicQualitySummary } from '../quality-summary';
import { SYMBOLS } from '../symbols';
import { escapeMarkup as esc } from './markup';

export type Lang = 'en' | 'ru';

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

/** Mirror rows shown in the notes; the full matrix is in quality/report.json. */
const MIRROR_ROWS_SHOWN = 60;

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
  const sections = Object.fromEntries(SIMS_SECTIONS.map((id) => [id, esc(c.metadata.sections[id]?.[lang] ?? '')]));
  const extra = Object.keys(c.metadata.sections)
    .filter((id) => !(SIMS_SECTIONS as readonly string[]).includes(id))
    .sort(cmp)
    .map((id) => ({ id: esc(id), text: esc(c.metadata.sections[id]?.[lang] ?? '') }));
  const mirror = summary.mirror.filter((m) => m.sex === '_T' && (m.immigration !== null || m.emigration !== null));
  return {
    title: esc(lang === 'en' ? c.metadata.title_en : c.metadata.title_ru),
    version: esc(c.version),
    release_date: esc(c.release_date),
    years: years.length ? `${years[0]}–${years[years.length - 1]}` : '',
    contact: {
      organisation: esc(lang === 'en' ? c.metadata.contact.organisation : c.metadata.contact.organisation_ru),
      unit: esc(c.metadata.contact.unit),
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
      .map((b) => ({ country: name(b.ref_area), year: b.first_year, tables: esc(b.tables.join(', ')), text: esc(lang === 'en' ? b.text_en : b.text_ru) })),
    remarks: [...model.data.remarks]
      .sort((a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.table, b.table))
      .map((r) => ({ country: name(r.ref_area), table: esc(r.table), text: esc(lang === 'en' ? r.text_en : r.text_ru) })),
    rules: summary.rules.map((r) => ({ ...r, id: esc(r.id), severity: esc(r.severity) })),
    mirror: {
      rows: mirror.slice(0, MIRROR_ROWS_SHOWN).map((m) => ({
        year: m.time_period,
        receiving: name(m.receiving),
        sending: name(m.sending),
        immigration: num(m.immigration),
        emigration: num(m.emigration),
        ratio: m.ratio === null ? '—' : m.ratio.toFixed(2),
        types: esc(`${m.migr_type_in}/${m.migr_type_out}`),
        flag: m.flagged ? '!' : '',
      })),
      total: mirror.length,
      flagged: mirror.filter((m) => m.flagged).length,
      shown: Math.min(mirror.length, MIRROR_ROWS_SHOWN),
    },
    estimates: summary.emigration_estimates.map((e) => ({
      sending: name(e.sending),
      year: e.time_period,
      partners: e.partners.length,
      partner_reported: num(e.partner_reported_immigration),
      own: num(e.own_emigration_to_same_partners),
      coverage: e.coverage_share === null ? '—' : `${(e.coverage_share * 100).toFixed(1)} %`,
    })),
    previous: model.previous ? esc(model.previous.version) : '',
    revisions: changeCounts(changes).map((r) => ({ ...r, country: name(r.ref_area), table: esc(r.table) })),
    annex: annexRows(published, name),
  };
}

export type NotesView = ReturnType<typeof notesView>;

/** Statistical processing per country and table: the configuration is the curated record and wins over the Metadata sheet. */
function processingRows(model: ReleaseModel, countries: readonly string[], lang: Lang, published: readonly Observation[]) {
  const names = createPartnerResolver(model.codelists).names;
  const reported = new Set(published.map((o) => `${o.ref_area}|${o.table}`));
  const rows = [];
  for (const country of countries) {
    const settings = model.config.countries[country];
    for (const t of model.tableSet.tables) {
      const meta = model.data.metadata.find((m) => m.ref_area === country && m.table === t.id);
      const basis = settings?.definition_basis[t.id] ?? settings?.definition_basis.default ?? meta?.definition_basis ?? '';
      if (!meta && !reported.has(`${country}|${t.id}`)) continue;
      rows.push({
        country: esc(names(country)[lang]),
        table: esc(t.id),
        source: esc(meta?.source_kind ?? '') || '—',
        basis: esc(basis) || '—',
        reference_date: esc(meta?.reference_date ?? '') || '—',
        territory: esc(meta?.territory || settings?.territory || '') || '—',
      });
    }
  }
  return rows;
}

/** Derived series (aggregates computed by harmonise, estimates) published where the country reported none. */
function annexRows(published: readonly Observation[], name: (c: string) => string) {
  const counts = new Map<string, { ref_area: string; table: string; count: number }>();
  for (const o of published) {
    if (!o.derived) continue;
    const key = `${o.ref_area}|${o.table}`;
    const row = counts.get(key) ?? { ref_area: o.ref_area, table: o.table, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()]
    .sort((a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.table, b.table))
    .map((r) => ({ country: name(r.ref_area), table: esc(r.table), count: r.count }));
}

/** Whole numbers with a thin space between thousands, independent of the machine's locale. */
export function formatInt(v: number): string {
  const sign = v < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
