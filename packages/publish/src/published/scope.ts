import { type BreakEntry, type DefinitionBasis, type Observation, type ReleaseConfig, basisLabel, cmp } from '@mch/core';
import type { ReleaseModel } from '../model';

/** Text in the release's two languages. */
export interface Bilingual {
  en: string;
  ru: string;
}

/**
 * What a release may say is bounded by its reference years and its release date (releases.md,
 * "What a release may say"): nothing dated after it, no break or territory change outside it.
 */
export interface ReleaseScope {
  first: number;
  last: number;
  /** the year of the release date: nothing published later is known */
  releaseYear: number;
}

export function releaseScope(config: ReleaseConfig): ReleaseScope {
  const years = [...config.reference_years].sort((a, b) => a - b);
  return { first: years[0]!, last: years[years.length - 1]!, releaseYear: Number(config.release_date.slice(0, 4)) };
}

export function inScope(scope: ReleaseScope, year: number): boolean {
  return year >= scope.first && year <= scope.last && year <= scope.releaseYear;
}

/** The registered breaks a release describes: first year of the new series inside its reference years. */
export function breaksInScope(model: Pick<ReleaseModel, 'breaks' | 'config'>): BreakEntry[] {
  const scope = releaseScope(model.config);
  return model.breaks
    .filter((b) => inScope(scope, b.first_year) && model.config.countries[b.ref_area] !== undefined)
    .sort((a, b) => cmp(a.ref_area, b.ref_area) || a.first_year - b.first_year || cmp(a.text_en, b.text_en));
}

/** One stretch of years over which a country's figures keep one territory. */
export interface TerritorySpan {
  years: number[];
  text: Bilingual;
}

/**
 * The territory a country's figures cover, year by year over the release's reference years: the
 * configured text, then each configured change from its first year. The country's Metadata
 * sheet speaks only where the configuration says nothing.
 */
export function territorySpans(model: Pick<ReleaseModel, 'config' | 'data'>, country: string, table?: string): TerritorySpan[] {
  const settings = model.config.countries[country];
  const years = [...model.config.reference_years].sort((a, b) => a - b);
  const sheet = model.data.metadata.find((m) => m.ref_area === country && (!table || m.table === table) && m.territory)?.territory ?? '';
  const base: Bilingual = settings?.territory
    ? { en: settings.territory, ru: settings.territory_ru ?? settings.territory }
    : { en: sheet, ru: sheet };
  const textIn = (year: number): Bilingual => {
    const change = (settings?.territory_changes ?? []).filter((c) => c.first_year <= year).sort((a, b) => b.first_year - a.first_year)[0];
    return change ? { en: change.text, ru: change.text_ru ?? change.text } : base;
  };
  const spans: TerritorySpan[] = [];
  for (const year of years) {
    const text = textIn(year);
    if (!text.en && !text.ru) continue;
    const last = spans[spans.length - 1];
    if (last && last.text.en === text.en && last.text.ru === text.ru) last.years.push(year);
    else spans.push({ years: [year], text });
  }
  return spans;
}

/** The bases one country's series of one table and migration type carry, with the years of each. */
export interface BasisSpan {
  basis: DefinitionBasis;
  years: number[];
}

/** Bases as the published observations carry them (harmonise decided them), grouped by year. */
export function basisSpans(observations: readonly Pick<Observation, 'definition_basis' | 'time_period'>[]): BasisSpan[] {
  const byYear = new Map<number, DefinitionBasis>();
  for (const o of observations) if (o.definition_basis) byYear.set(o.time_period, o.definition_basis);
  return spansByYear(byYear);
}

/** The spans of a series' basis by year (the last observation of a year with a basis decides it). */
export function spansByYear(byYear: ReadonlyMap<number, DefinitionBasis>): BasisSpan[] {
  const spans: BasisSpan[] = [];
  for (const [year, basis] of [...byYear].sort(([a], [b]) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last.basis === basis) last.years.push(year);
    else spans.push({ basis, years: [year] });
  }
  return spans;
}

/** "2009–2012", "2011", or "2009, 2011" for years that are not consecutive. */
export function yearRange(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  if (!sorted.length) return '';
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  if (sorted.length === 1) return String(sorted[0]);
  return consecutive ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join(', ');
}

/**
 * A series' basis said in words: "registration for permanent residence (PERM_REG)", or with the
 * years of each when it changed inside the release ("… (PERM_REG) 2009–2010; … (STAY_REG_9M) 2011–2012").
 */
export function basisText(spans: readonly BasisSpan[]): Bilingual {
  const one = (lang: 'en' | 'ru', s: BasisSpan) => `${basisLabel(s.basis)[lang === 'en' ? 'short_en' : 'short_ru']} (${s.basis})`;
  if (spans.length === 1) return { en: one('en', spans[0]!), ru: one('ru', spans[0]!) };
  return {
    en: spans.map((s) => `${one('en', s)} ${yearRange(s.years)}`).join('; '),
    ru: spans.map((s) => `${one('ru', s)} ${yearRange(s.years)}`).join('; '),
  };
}
