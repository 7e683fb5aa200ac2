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
  const given = (id: string) => c.metadata.sections[id]?.[lang] ?? c.metadata.sections[aliasOf(id)]?.[lang] ?? '';
  const sections = Object.fromEntries(SIMS_SECTIONS.map((id) => [id, esc(given(id))]));
  const extra = Object.keys(c.metadata.sections)
    .filter((id) => !(SIMS_SECTIONS as readonly string[]).includes(id) && !(id in SECTION_ALIASES))
    .sort(cmp)
    .map((id) => ({ id: esc(humanise(id)), text: esc(c.metadata.sections[id]?.[lang] ?? '') }));
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
    remarks: groupTables(
      model.data.remarks.map((r) => ({ key: `${r.ref_area}|${lang === 'en' ? r.text_en : r.text_ru}`, table: r.table, row: { ref_area: r.ref_area, text: lang === 'en' ? r.text_en : r.text_ru } })),
    )
      .sort((a, b) => cmp(a.row.ref_area, b.row.ref_area) || cmp(a.tables, b.tables))
      .map(({ row, tables }) => ({ country: name(row.ref_area), table: esc(tables), text: esc(row.text) })),
    rules: summary.rules.map((r) => ({ ...r, id: esc(r.id), severity: esc(r.severity) })),
    mirror: {
      rows: mirror.slice(0, MIRROR_ROWS_SHOWN).map((m) => ({
        year: m.time_period,
        receiving: name(m.receiving),
        sending: name(m.sending),
        immigration: num(m.immigration),
        emigration: num(m.emigration),
        // the flag sits in the ratio's cell: a column of its own pushed the table past the margin
        ratio: m.ratio === null ? '—' : `${m.ratio.toFixed(2)}${m.flagged ? '\u00a0!' : ''}`,
        types: esc(`${m.migr_type_in}/${m.migr_type_out}`),
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
      coverage: e.coverage_share === null ? '—' : `${(e.coverage_share * 100).toFixed(1)}\u00a0%`,
    })),
    previous: model.previous ? esc(model.previous.version) : '',
    revisions: revisionRows(changes, name),
    annex: annexRows(published, name),
  };
}

export type NotesView = ReturnType<typeof notesView>;

/**
 * Statistical processing per country: tables that share source, definition basis, reference date
 * and territory are one row ("T04–T10"), so the table stays a few rows per country. The
 * configuration is the curated record and wins over the Metadata sheet.
 */
function processingRows(model: ReleaseModel, countries: readonly string[], lang: Lang, published: readonly Observation[]) {
  const names = createPartnerResolver(model.codelists).names;
  const reported = new Set(published.map((o) => `${o.ref_area}|${o.table}`));
  const items = [];
  for (const country of countries) {
    const settings = model.config.countries[country];
    for (const t of model.tableSet.tables) {
      const meta = model.data.metadata.find((m) => m.ref_area === country && m.table === t.id);
      if (!meta && !reported.has(`${country}|${t.id}`)) continue;
      const row = {
        country,
        source: meta?.source_kind ?? '',
        basis: settings?.definition_basis[t.id] ?? settings?.definition_basis.default ?? meta?.definition_basis ?? '',
        reference_date: meta?.reference_date ?? '',
        territory: meta?.territory || settings?.territory || '',
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

/** Rows with the same key merged, their tables listed as ranges; first-seen order. */
function groupTables<R>(items: readonly { key: string; table: string; row: R }[]): { row: R; tables: string }[] {
  const groups = new Map<string, { row: R; tables: string[] }>();
  for (const i of items) {
    const g = groups.get(i.key) ?? { row: i.row, tables: [] };
    if (!g.tables.includes(i.table)) g.tables.push(i.table);
    groups.set(i.key, g);
  }
  return [...groups.values()].map((g) => ({ row: g.row, tables: tableRanges(g.tables) }));
}

/** "T01, T02, T03, T05" → "T01–T03, T05". */
export function tableRanges(ids: readonly string[]): string {
  const sorted = [...ids].sort(cmp);
  const num = (id: string) => Number(/\d+$/.exec(id)?.[0] ?? Number.NaN);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && num(sorted[j + 1]!) === num(sorted[j]!) + 1 && sorted[j + 1]!.replace(/\d+$/, '') === sorted[j]!.replace(/\d+$/, '')) j++;
    out.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}

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

/** Whole numbers with a thin space between thousands, independent of the machine's locale. */
export function formatInt(v: number): string {
  const sign = v < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
