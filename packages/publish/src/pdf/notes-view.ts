import { type Observation, cmp, createPartnerResolver, shownCoverage } from '@mch/core';
import type { ReleaseChanges } from '../changes';
import { releaseFormats } from '../formats';
import type { ReleaseModel } from '../model';
import { breaksInScope, releaseScope, yearRange } from '../published/scope';
import { publishedWaivers } from '../published/waivers';
import type { PublicQualitySummary } from '../quality-summary';
import { DASH_ZERO, SYMBOLS } from '../symbols';
import { type Lang, formatInt, formatPercent } from './format';
import { basisGlossary, ruleName } from './glossary';
import { groupTables, tableRanges } from './group';
import { imemView } from './imem-view';
import { escapeMarkup as esc } from './markup';
import { mirrorView } from './mirror-view';
import { countryViews, inLanguage, territoryOf } from './processing-view';
import { OncePerList } from './once';

export { tableRanges } from './group';

export type { Lang } from './format';
export { formatInt } from './format';

/** SIMS concepts a configuration may fill in (`metadata.sections`); the templates have a default for each. */
export const SIMS_SECTIONS = [
  'contact',
  'metadata_update',
  'data_description',
  'classification',
  'sector_coverage',
  'concepts',
  'statistical_unit',
  'population',
  'reference_area',
  'time_coverage',
  'base_period',
  'unit_measure',
  'reference_period',
  'institutional_mandate',
  'confidentiality',
  'release_policy',
  'frequency',
  'accessibility',
  'quality_management',
  'relevance',
  'accuracy',
  'timeliness',
  'coherence',
  'cost_burden',
  'revision',
  'processing',
  'comment',
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

/** Where the IMEM coefficients come from; a release dated before the publication does not cite its year. */
const IMEM_SOURCE = { authors: 'Raymer et al.', year: 2013, cite: 'Raymer et al. 2013' } as const;

/** Rule severities as the notes' reader says them. */
const SEVERITY: Record<string, Record<Lang, string>> = {
  error: { en: 'error', ru: 'ошибка' },
  warning: { en: 'warning', ru: 'предупреждение' },
  info: { en: 'info', ru: 'справка' },
};

/**
 * Everything the notes templates show, in one language, every string already escaped for the
 * markup (so no value from a country file can add a heading, a table or a chart). Only what holds
 * for the release's reference years and was known at its release date (published/scope.ts).
 */
export function notesView(model: ReleaseModel, lang: Lang, published: readonly Observation[], summary: PublicQualitySummary, changes: ReleaseChanges) {
  const c = model.config;
  const scope = releaseScope(c);
  const names = createPartnerResolver(model.codelists).names;
  const name = (code: string) => esc(names(code)[lang]);
  const num = (v: number | null) => (v === null ? '—' : formatInt(v));
  const countrySet = new Set(
    PUBLISHED_COUNTRIES.of(published, '', () => {
      const found = new Set<string>();
      for (const o of published) found.add(o.ref_area);
      return found;
    }),
  );
  for (const code of Object.keys(c.countries)) countrySet.add(code);
  const countries = [...countrySet].sort(cmp);
  const years = [...c.reference_years].sort((a, b) => a - b);
  const given = (id: string) => c.metadata.sections[id]?.[lang] ?? c.metadata.sections[aliasOf(id)]?.[lang] ?? '';
  const sections = Object.fromEntries(SIMS_SECTIONS.map((id) => [id, esc(given(id))]));
  const extra = Object.keys(c.metadata.sections)
    .filter((id) => !(SIMS_SECTIONS as readonly string[]).includes(id) && !(id in SECTION_ALIASES))
    .sort(cmp)
    .map((id) => ({ id: esc(humanise(id)), text: esc(c.metadata.sections[id]?.[lang] ?? '') }));
  const perCountry = countryViews(model, countries, lang, published, name);
  const breaks = breaksInScope(model).filter((b) => countries.includes(b.ref_area));
  const benchmark = summary.rules.find((r) => r.id === 'MCH-B01');
  const expected = summary.completeness.filter((x) => x.expected);
  return {
    title: esc(lang === 'en' ? c.metadata.title_en : c.metadata.title_ru),
    version: esc(c.version),
    release_date: esc(c.release_date),
    years: esc(yearRange(years)),
    contact: {
      organisation: esc(lang === 'en' ? c.metadata.contact.organisation : c.metadata.contact.organisation_ru),
      unit: esc(lang === 'ru' ? (c.metadata.contact.unit_ru ?? inLanguage(c.metadata.contact.unit, lang)) : c.metadata.contact.unit),
      email: esc(c.metadata.contact.email),
    },
    sections,
    extra_sections: extra,
    countries: perCountry,
    /** countries whose published years are not all the reference years */
    partial_years: perCountry.filter((p) => p.years !== yearRange(years)),
    /** a country's table that holds no figure at all in some of its years (every cell not available) */
    unavailable: tablesWithoutFigures(published).map((u) => ({ country: name(u.ref_area), table: esc(u.table), years: esc(yearRange(u.years)) })),
    tables: model.tableSet.tables.map((t) => ({ id: esc(t.id), title: esc(lang === 'en' ? t.title_en : t.title_ru) })),
    symbols: SYMBOLS.map((s) => ({ symbol: esc(s.excel), px: esc(s.px === 'NOTE' ? (lang === 'en' ? 'value with a note' : 'значение с примечанием') : s.px), csv: esc(s.csv), meaning: esc(s[lang]) })),
    dash_zero: esc(DASH_ZERO[lang]),
    formats: releaseFormats(model.tableSet.tables).map((f) => ({ path: esc(f.path), text: esc(f[lang]) })),
    bases: basisGlossary(published, lang),
    breaks: breaks.map((b) => ({ country: name(b.ref_area), year: b.first_year, tables: esc(tableRanges(b.tables)), text: esc(lang === 'en' ? b.text_en : b.text_ru) })),
    remarks: groupTables(
      model.data.remarks.map((r) => ({ key: `${r.ref_area}|${lang === 'en' ? r.text_en : r.text_ru}`, table: r.table, row: { ref_area: r.ref_area, text: lang === 'en' ? r.text_en : r.text_ru } })),
    )
      .sort((a, b) => cmp(a.row.ref_area, b.row.ref_area) || cmp(a.tables, b.tables))
      .map(({ row, tables }) => ({ country: name(row.ref_area), table: esc(tables), text: esc(row.text) })),
    rules: summary.rules.map((r) => ({
      id: esc(r.id),
      name: esc(ruleName(r.id, lang)),
      severity: esc(SEVERITY[r.severity]?.[lang] ?? r.severity),
      checked: formatInt(r.checked),
      failed: formatInt(r.failed),
      skipped: formatInt(r.skipped),
      waived: formatInt(r.waived),
    })),
    gate_passed: summary.gate.passed,
    waived: formatInt(summary.rules.reduce((s, r) => s + r.waived, 0)),
    // a finding on a year outside the reference years is no finding on what the release publishes
    waivers: publishedWaivers(model).map((w) => ({
      rule: esc(`${w.rule} ${ruleName(w.rule, lang)}`),
      country: name(w.ref_area),
      table: esc(w.table),
      years: esc(yearRange(w.years)),
      count: formatInt(w.count),
      justification: esc(w.justification),
    })),
    benchmarks: {
      rule: esc(`MCH-B01 ${ruleName('MCH-B01', lang)}`),
      checked: benchmark ? formatInt(benchmark.checked) : '0',
      used: (benchmark?.checked ?? 0) > 0,
      failed: benchmark ? formatInt(benchmark.failed) : '0',
    },
    completeness: {
      expected: formatInt(expected.length),
      // a table-year counts as supplied only with a figure in it: a sheet of ".." is a hole, not data
      supplied: formatInt(expected.filter((x) => (x.present ?? x.observations - x.missing_values) > 0).length),
      measured: expected.length > 0,
    },
    mirror: mirrorView(summary, c, lang, name, (code, year) => esc(territoryOf(model, code, lang, year)), published, model.tableSet),
    estimates: summary.emigration_estimates
      .filter((e) => e.time_period >= scope.first && e.time_period <= scope.last)
      .map((e) => ({
        sending: name(e.sending),
        year: e.time_period,
        partners: e.partners.length,
        partner_reported: num(e.partner_reported_immigration),
        own: num(e.own_emigration_to_same_partners),
        coverage: e.coverage_share === null ? '—' : formatPercent(shownCoverage(e)!, lang),
      })),
    calendar: releaseCalendar(model),
    timeliness: timeliness(model, lang),
    previous: model.previous ? esc(model.previous.version) : '',
    revisions: revisionRows(changes, name),
    annex: annexRows(published, name),
    imem: { ...imemView(c, model.tableSet, published, model.data.analytical ?? [], lang, name), reference: scope.releaseYear >= IMEM_SOURCE.year ? IMEM_SOURCE.cite : IMEM_SOURCE.authors },
  };
}

export type NotesView = ReturnType<typeof notesView>;

/**
 * The release calendar as the configuration knows it: this release and its date, the rounds of
 * data collection it is built from, the previous release, and the next release where the
 * configuration sets one (`next_release`); otherwise the notes say only that it follows the next round.
 */
function releaseCalendar(model: ReleaseModel) {
  const known = releaseScope(model.config).releaseYear;
  const rounds = [...new Set(Object.values(model.config.countries).flatMap((s) => (s?.files ?? []).map((f) => f.round)))].filter((r) => r <= known).sort((a, b) => a - b);
  return { rounds: esc(rounds.join(', ')), has_rounds: rounds.length > 0, next: esc(model.config.next_release ?? '') };
}

/** Months from the end of the latest reference year to the release date, and the last file received before it. */
function timeliness(model: ReleaseModel, lang: Lang) {
  const c = model.config;
  const last = Math.max(...c.reference_years);
  const [y, m] = c.release_date.split('-').map(Number) as [number, number];
  const months = (y - (last + 1)) * 12 + (m - 1);
  const received = Object.values(c.countries)
    .flatMap((s) => (s?.files ?? []).map((f) => f.received ?? ''))
    .filter((d) => d && d <= c.release_date)
    .sort();
  const first = received[0] ?? '';
  const latest = received.at(-1) ?? '';
  const when = (lang: Lang) => (first === latest ? (lang === 'en' ? `on ${first}` : `${first}`) : lang === 'en' ? `between ${first} and ${latest}` : `с ${first} по ${latest}`);
  return { last_year: last, months: formatInt(Math.max(0, months)), received: first ? esc(when(lang)) : '' };
}

/** Revisions per country: counts, and the tables where values were revised or withdrawn. */
function revisionRows(changes: ReleaseChanges, name: (c: string) => string) {
  const byCountry = new Map<string, { ref_area: string; revised: number; new: number; withdrawn: number; tables: string[] }>();
  for (const c of changes.counts) {
    const row = byCountry.get(c.ref_area) ?? { ref_area: c.ref_area, revised: 0, new: 0, withdrawn: 0, tables: [] };
    row.revised += c.revised;
    row.new += c.new;
    row.withdrawn += c.withdrawn;
    if (c.revised || c.withdrawn) row.tables.push(c.table);
    byCountry.set(c.ref_area, row);
  }
  return [...byCountry.values()].map((r) => ({ country: name(r.ref_area), tables: esc(tableRanges(r.tables)) || '—', revised: formatInt(r.revised), new: formatInt(r.new), withdrawn: formatInt(r.withdrawn) }));
}

/** The countries of the published observations, found once for both languages. */
const PUBLISHED_COUNTRIES = new OncePerList<readonly Observation[], ReadonlySet<string>>();

/** Per country and table, the derived values published, counted once for both languages. */
const DERIVED_COUNTS = new OncePerList<readonly Observation[], Map<string, Map<string, number>>>();

/** Derived series (aggregates computed by harmonise) published where the country reported none, per country. */
function annexRows(published: readonly Observation[], name: (c: string) => string) {
  const counts = DERIVED_COUNTS.of(published, '', () => {
    const found = new Map<string, Map<string, number>>();
    for (const o of published) {
      if (!o.derived) continue;
      const tables = found.get(o.ref_area) ?? new Map<string, number>();
      tables.set(o.table, (tables.get(o.table) ?? 0) + 1);
      found.set(o.ref_area, tables);
    }
    return found;
  });
  return [...counts]
    .sort(([a], [b]) => cmp(a, b))
    .map(([country, tables]) => ({
      country: name(country),
      tables: esc([...tables].sort(([a], [b]) => cmp(a, b)).map(([t, n]) => `${t}\u00a0(${n})`).join(', ')),
      count: formatInt([...tables.values()].reduce((s, n) => s + n, 0)),
    }));
}

/** Not a figure: nothing was reported or it cannot exist. */
const NO_FIGURE = new Set(['O', 'M']);

/** tablesWithoutFigures of each list, found once for both languages. */
const WITHOUT_FIGURES = new OncePerList<readonly Observation[], { ref_area: string; table: string; years: number[] }[]>();

/**
 * Per country and table, the years in which the table holds published cells but not one figure
 * (every cell "not available" or "not applicable"): a year the country's other tables cover, so
 * the notes say it rather than "every country's figures cover all the years".
 */
export function tablesWithoutFigures(published: readonly Observation[]): { ref_area: string; table: string; years: number[] }[] {
  return WITHOUT_FIGURES.of(published, '', () => findTablesWithoutFigures(published));
}

function findTablesWithoutFigures(published: readonly Observation[]): { ref_area: string; table: string; years: number[] }[] {
  const figures = new Map<string, Map<number, boolean>>();
  for (const o of published) {
    const key = `${o.ref_area}|${o.table}`;
    let years = figures.get(key);
    if (!years) {
      years = new Map();
      figures.set(key, years);
    }
    years.set(o.time_period, (years.get(o.time_period) ?? false) || !NO_FIGURE.has(o.obs_status));
  }
  const out: { ref_area: string; table: string; years: number[] }[] = [];
  for (const [key, years] of [...figures].sort(([a], [b]) => cmp(a, b))) {
    const empty = [...years].filter(([, any]) => !any).map(([y]) => y).sort((a, b) => a - b);
    const [ref_area, table] = key.split('|') as [string, string];
    if (empty.length) out.push({ ref_area, table, years: empty });
  }
  return out;
}

