import { type DefinitionBasis, type HarmonisedData, type Observation, type TableDef, cmp } from '@mch/core';
import type { ReleaseModel } from '../model';
import { type Bilingual, basisText, breaksInScope, spansByYear, territorySpans, yearRange } from '../published/scope';
import { sourceKindText } from '../published/texts';
import type { Lang } from './format';
import { tableRanges } from './group';
import { escapeMarkup as esc } from './markup';
import { OncePerList } from './once';

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/;

/** Migration types as a table cell says them, short enough to stay on one line. */
const MIGR_TYPE: Record<string, Record<Lang, string>> = {
  LT: { en: 'long-term (LT)', ru: 'долгосрочные (LT)' },
  ST: { en: 'short-term (ST)', ru: 'краткосрочные (ST)' },
  NAT: { en: 'national (NAT)', ru: 'национальное (NAT)' },
};

/** A table without migration types: stocks, or flows such as acquisitions of citizenship. */
const UNTYPED: Record<'stock' | 'flow', Bilingual> = {
  stock: { en: 'stocks', ru: 'численность' },
  flow: { en: 'no migration type', ru: 'без типа миграции' },
};

/** What a flow basis says about stays of less than 12 months (definitions.md), in words. */
const SHORT_STAYS: Record<DefinitionBasis, Bilingual> = {
  UN_LT12: { en: 'not counted (long-term migration only: 12 months or more)', ru: 'не учитывается (только долгосрочная миграция: 12 месяцев и более)' },
  REG_LT12: { en: 'not counted (residence of 12 months or more only)', ru: 'не учитывается (только проживание 12 месяцев и более)' },
  UN_ST3_12: { en: 'stays of 3 to 12 months counted, as short-term migration', ru: 'пребывание от 3 до 12 месяцев учитывается как краткосрочная миграция' },
  PERM_REG: { en: 'not counted unless registered for permanent residence, whatever the length of stay', ru: 'не учитывается без регистрации по месту жительства, независимо от продолжительности' },
  STAY_REG_9M: { en: 'stays of 9 months or more counted (registration at the place of stay); shorter stays not counted', ru: 'пребывание 9 месяцев и более учитывается (регистрация по месту пребывания); более короткое не учитывается' },
  BORDER: { en: "counted or not by the duration rule of the country's border-crossing data", ru: 'учитывается или нет по критерию продолжительности, принятому страной для данных пограничного контроля' },
  OTHER: { en: "as the country's own definition says", ru: 'согласно национальному определению страны' },
  CENSUS: { en: 'not applicable (stocks)', ru: 'не применимо (численность)' },
  REGISTER_STOCK: { en: 'not applicable (stocks)', ru: 'не применимо (численность)' },
};

/** Said where the configuration gives no text for a country. */
const NOT_DOCUMENTED: Bilingual = { en: 'not documented for this release', ru: 'не документировано для этого выпуска' };

/**
 * A text from configuration or a country's sheet in the notes' language: as it is when it is in
 * that language; otherwise marked as given in the other language only, never printed silently.
 */
export function inLanguage(text: string, lang: Lang): string {
  if (!text) return '';
  if (lang === 'ru' && !CYRILLIC.test(text) && LATIN.test(text)) return `${text} (только на английском языке)`;
  if (lang === 'en' && CYRILLIC.test(text) && !LATIN.test(text)) return `${text} (given in Russian only)`;
  return text;
}

/** A country's series of one migration type, by the tables that share its basis. */
export interface BasisRow {
  tables: string;
  type: string;
  basis: string;
}

/** Everything the notes say about one reporting country, escaped for the markup. */
export interface CountryView {
  code: string;
  country: string;
  years: string;
  sources: string;
  bases: BasisRow[];
  reference_dates: string;
  territory: string;
  breaks: { year: number; tables: string; text: string }[];
  labour_migrants: string;
  refugees: string;
  short_stays: string;
}

/**
 * The substance of the notes per reporting country (3.4, 3.6, 3.7 and 18): source, definition
 * basis in words as the published observations carry it (per table and migration type, with the
 * years of each basis where it changed), reference dates, territory over the reference years,
 * the registered breaks inside them, and who is covered.
 */
export function countryViews(model: ReleaseModel, countries: readonly string[], lang: Lang, published: readonly Observation[], name: (code: string) => string): CountryView[] {
  const breaks = breaksInScope(model);
  // one pass over the observations and the sheets, not one per country and table
  const byCountry = factsOnce(published, model.tableSet.tables);
  const sheets = new Map<string, HarmonisedData['metadata'][number]>();
  for (const m of model.data.metadata) if (!sheets.has(`${m.ref_area}|${m.table}`)) sheets.set(`${m.ref_area}|${m.table}`, m);
  return countries.map((country) => {
    const facts = byCountry.get(country) ?? NO_FACTS;
    const settings = model.config.countries[country];
    const sheet = (table: string) => sheets.get(`${country}|${table}`);
    const tables = model.tableSet.tables.filter((t) => facts.bases.has(t.id) || sheet(t.id) !== undefined);
    const group = (items: { table: string; text: string }[]) => {
      const byText = new Map<string, string[]>();
      for (const i of items) {
        if (!i.text) continue;
        const ids = byText.get(i.text);
        if (ids) ids.push(i.table);
        else byText.set(i.text, [i.table]);
      }
      return [...byText].map(([text, ids]) => ({ text, tables: tableRanges(ids) }));
    };
    const sources = group(tables.map((t) => ({ table: t.id, text: inLanguage(sourceText(sheet(t.id)?.source_kind ?? '', lang), lang) })));
    const dates = group(tables.map((t) => ({ table: t.id, text: referenceDate(t.kind, settings?.stock_reference, sheet(t.id)?.reference_date ?? '', lang) })));
    const basisItems = new Map<string, { type: string; basis: string; tables: string[] }>();
    for (const t of tables) {
      for (const { type, text } of facts.bases.get(t.id) ?? []) {
        if (!text.en) continue;
        const label = type ? (MIGR_TYPE[type]?.[lang] ?? type) : UNTYPED[t.kind][lang];
        const key = `${label}|${text.en}`;
        const item = basisItems.get(key);
        if (item) item.tables.push(t.id);
        else basisItems.set(key, { type: label, basis: text[lang], tables: [t.id] });
      }
    }
    const bases = [...basisItems.values()].map((b) => ({ tables: esc(tableRanges(b.tables)), type: esc(b.type), basis: esc(b.basis) }));
    const coverage = settings?.coverage;
    return {
      code: esc(country),
      country: name(country),
      years: esc(yearRange(facts.years)),
      sources: esc(sources.map((s) => `${s.text} (${s.tables})`).join('; ')) || esc(NOT_DOCUMENTED[lang]),
      bases,
      // what the country's bases mean in its own words (the rule of its border crossings, what OTHER stands for)
      basis_notes: (settings?.basis_notes ?? [])
        .filter((n) => [...(facts.basisTables.get(n.basis) ?? [])].some((table) => !n.tables || n.tables.includes(table)))
        .map((n) => ({ basis: esc(n.basis), tables: esc(n.tables ? tableRanges(n.tables) : ''), text: esc(lang === 'en' ? n.en : n.ru) })),
      reference_dates: esc(dates.map((d) => `${d.text} (${d.tables})`).join('; ')) || '—',
      territory: esc(territoryOf(model, country, lang)) || esc(NOT_DOCUMENTED[lang]),
      breaks: breaks
        .filter((b) => b.ref_area === country)
        .map((b) => ({ year: b.first_year, tables: esc(tableRanges(b.tables)), text: esc(lang === 'en' ? b.text_en : b.text_ru) })),
      labour_migrants: esc(inLanguage((lang === 'ru' ? coverage?.labour_migrants_ru : undefined) ?? coverage?.labour_migrants ?? '', lang) || NOT_DOCUMENTED[lang]),
      refugees: esc(inLanguage((lang === 'ru' ? coverage?.refugees_ru : undefined) ?? coverage?.refugees ?? '', lang) || NOT_DOCUMENTED[lang]),
      short_stays: esc(shortStays(facts, lang) || (lang === 'en' ? 'no flows published' : 'данные о потоках не публикуются')),
    };
  });
}

/** What the notes say of one country's published observations, the same in either language. */
interface CountryFacts {
  /** per table it has observations in: its migration types in the notes' order, each with its basis in words */
  bases: Map<string, { type: string; text: Bilingual }[]>;
  /** its years, each once */
  years: number[];
  /** per definition basis, the tables that carry it */
  basisTables: Map<string, Set<string>>;
  /** of its migration flows (tables by migration type, not acquisitions of citizenship): per basis its years, and every year */
  flowYears: Map<DefinitionBasis, Set<number>>;
  flowAll: Set<number>;
}

const NO_FACTS: CountryFacts = { bases: new Map(), years: [], basisTables: new Map(), flowYears: new Map(), flowAll: new Set() };

/** The facts of every country, worked out once per list of published observations for the notes in both languages. */
const FACTS = new OncePerList<readonly Observation[], Map<string, CountryFacts>>();
function factsOnce(published: readonly Observation[], tables: readonly TableDef[]): Map<string, CountryFacts> {
  return FACTS.of(published, tables.map((t) => t.id).join('|'), () => factsOf(published, tables));
}

function factsOf(published: readonly Observation[], tables: readonly TableDef[]): Map<string, CountryFacts> {
  const all = new Map<string, CountryFacts>();
  const typed = new Set(tables.filter((t) => t.has_migr_type).map((t) => t.id));
  // one pass over the observations (millions at tier M): per country, table and migration type, in
  // the order they first come, the basis of each year (the year's last observation with one decides)
  const gathered = new Map<string, { facts: CountryFacts; years: Set<number>; series: Map<string, Map<string, Map<number, DefinitionBasis>>> }>();
  for (const o of published) {
    let country = gathered.get(o.ref_area);
    if (!country) {
      country = { facts: { bases: new Map(), years: [], basisTables: new Map(), flowYears: new Map(), flowAll: new Set() }, years: new Set(), series: new Map() };
      gathered.set(o.ref_area, country);
    }
    const { facts, series } = country;
    country.years.add(o.time_period);
    let byType = series.get(o.table);
    if (!byType) {
      byType = new Map();
      series.set(o.table, byType);
    }
    let byYear = byType.get(o.migr_type);
    if (!byYear) {
      byYear = new Map();
      byType.set(o.migr_type, byYear);
    }
    if (o.definition_basis) byYear.set(o.time_period, o.definition_basis);
    const tablesOf = facts.basisTables.get(o.definition_basis);
    if (tablesOf) tablesOf.add(o.table);
    else facts.basisTables.set(o.definition_basis, new Set([o.table]));
    if (!typed.has(o.table)) continue;
    facts.flowAll.add(o.time_period);
    if (o.definition_basis) facts.flowYears.set(o.definition_basis, (facts.flowYears.get(o.definition_basis) ?? new Set()).add(o.time_period));
  }
  for (const [code, { facts, years, series }] of gathered) {
    facts.years = [...years];
    for (const [table, byType] of series) {
      const types = [...byType.keys()].sort((a, b) => typeOrder(a) - typeOrder(b));
      facts.bases.set(table, types.map((type) => ({ type, text: basisText(spansByYear(byType.get(type)!)) })));
    }
    all.set(code, facts);
  }
  return all;
}

/** The territory a country's figures cover over the reference years: one text, or one per stretch of years. */
export function territoryOf(model: Pick<ReleaseModel, 'config' | 'data'>, country: string, lang: Lang, year?: number): string {
  const spans = territorySpans(model, country).filter((s) => year === undefined || s.years.includes(year));
  const text = (t: Bilingual) => inLanguage(territoryText(t, lang), lang);
  if (spans.length === 1) return text(spans[0]!.text);
  return spans.map((s) => `${yearRange(s.years)}: ${text(s.text)}`).join('; ');
}

/** The territory in the notes' language: a Russian text in the Russian notes, the English one in the English notes. */
function territoryText(t: Bilingual, lang: Lang): string {
  if (lang === 'ru') return CYRILLIC.test(t.ru) ? t.ru : CYRILLIC.test(t.en) ? t.en : t.ru || t.en;
  return !CYRILLIC.test(t.en) ? t.en : !CYRILLIC.test(t.ru) ? t.ru : t.en;
}

/** Stays under 12 months, by the bases of the country's published flows, with the years of each basis when it changed. */
function shortStays(facts: CountryFacts, lang: Lang): string {
  const years = facts.flowYears;
  const all = facts.flowAll;
  const entries = [...years].sort(([a, ya], [b, yb]) => Math.min(...ya) - Math.min(...yb) || cmp(a, b));
  if (entries.length === 1) return SHORT_STAYS[entries[0]![0]][lang];
  return entries.map(([basis, ys]) => `${basis}${ys.size < all.size ? ` ${yearRange([...ys])}` : ''}: ${SHORT_STAYS[basis][lang]}`).join('; ');
}

function typeOrder(type: string): number {
  return ['', 'LT', 'ST', 'NAT'].indexOf(type);
}

function sourceText(kind: string, lang: Lang): string {
  return kind ? sourceKindText(kind)[lang] : '';
}

/** Flows: the calendar year. Stocks: the configured reference date, else a date the sheet gives (a census day). */
export function referenceDate(kind: string, configured: string | undefined, fromSheet: string, lang: Lang): string {
  if (kind !== 'stock') return lang === 'en' ? 'calendar year' : 'календарный год';
  if (configured === '01-01' || (!configured && fromSheet === '01-01')) return lang === 'en' ? '1 January' : '1 января';
  if (configured === '12-31' || (!configured && fromSheet === '12-31')) return lang === 'en' ? '31 December, shown as 1 January' : '31 декабря, показано на 1 января';
  return /^\d{4}-\d{2}-\d{2}$/.test(fromSheet) ? fromSheet : '';
}
