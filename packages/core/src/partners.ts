import { createRequire } from 'node:module';
import type CountriesLibrary from 'i18n-iso-countries';
import type { CodeLists } from './codelists';
import { editDistance, normaliseLabel } from './labels';

const require = createRequire(import.meta.url);
// the library without its Node entry, which registers every one of its 80 languages (30 ms of
// each start); the two the Clearing House reads are registered here
const countries = require('i18n-iso-countries/index.js') as typeof CountriesLibrary;
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/ru.json'));

/** Codes the library uses where the Clearing House uses another (Kosovo: XKK in i18n-iso-countries 7, XXK before). */
const LIBRARY_CODE_FIXES: Record<string, string> = { XXK: 'XKX', XKK: 'XKX' };

export type PartnerMatch =
  | { kind: 'code'; code: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unmapped'; suggestions: string[] };

export interface PartnerResolver {
  resolve(label: string): PartnerMatch;
  /** English and Russian names of a code, for outputs */
  names(code: string): { en: string; ru: string };
  isKnownCode(code: string): boolean;
}

/**
 * Maps any way a country can be written (alpha-3, alpha-2, M49 numeric, English and Russian names,
 * long official names, Soviet-era and colloquial names) to the canonical code. The bulk comes
 * from i18n-iso-countries; the code lists' alias table and the country's own aliases add the rest.
 */
export function createPartnerResolver(codelists: CodeLists, countryAliases: Record<string, string> = {}): PartnerResolver {
  // building the index costs milliseconds; writers and readers ask for it per table and per file
  const byAliases = built.get(codelists) ?? new Map<string, PartnerResolver>();
  built.set(codelists, byAliases);
  const aliasKey = JSON.stringify(Object.entries(countryAliases).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const known = byAliases.get(aliasKey);
  if (known) return known;
  const resolver = buildResolver(codelists, countryAliases);
  byAliases.set(aliasKey, resolver);
  return resolver;
}

const built = new WeakMap<CodeLists, Map<string, PartnerResolver>>();

/** Labels one resolver remembers the match of; beyond, they are matched again each time. */
const MAX_REMEMBERED = 20_000;

function buildResolver(codelists: CodeLists, countryAliases: Record<string, string>): PartnerResolver {
  const index = new Map<string, Set<string>>();
  const add = (label: string, code: string) => {
    const key = normaliseLabel(label);
    if (!key) return;
    const set = index.get(key) ?? new Set<string>();
    set.add(code);
    index.set(key, set);
  };
  const names = new Map<string, { en: string; ru: string }>();
  for (const [a2, a3raw] of Object.entries(countries.getAlpha2Codes())) {
    const a3 = LIBRARY_CODE_FIXES[a3raw] ?? a3raw;
    const numeric = countries.alpha3ToNumeric(a3raw);
    add(a3, a3);
    // the library's own code still names the country, under the Clearing House code
    if (a3 !== a3raw) add(a3raw, a3);
    add(a2, a3);
    if (numeric) {
      add(numeric, a3);
      add(String(Number(numeric)), a3);
    }
    const en = countries.getName(a2, 'en', { select: 'all' }) ?? [];
    const ru = countries.getName(a2, 'ru', { select: 'all' }) ?? [];
    for (const n of [...en, ...ru]) {
      add(n, a3);
      // "КНР (Китайская Народная Республика)": an abbreviation and its long form are both names
      // ("Виргинские Острова (США)" is not: there the brackets qualify, they do not expand)
      const paren = /^([A-ZА-ЯЁ]{2,6})\s*\((.+)\)$/u.exec(n);
      if (paren) for (const part of paren.slice(1)) add(part!, a3);
    }
    names.set(a3, { en: countries.getName(a2, 'en') ?? a3, ru: countries.getName(a2, 'ru') ?? a3 });
  }
  // our own table overrides the library where both know a code (official UN names first)
  const ownIndex = new Map<string, string>();
  for (const sp of codelists.special_partners) {
    ownIndex.set(normaliseLabel(sp.code), sp.code);
    for (const l of [sp.label_en, sp.label_ru, ...sp.aliases]) ownIndex.set(normaliseLabel(l), sp.code);
    names.set(sp.code, { en: sp.label_en, ru: sp.label_ru });
  }
  for (const [label, code] of Object.entries(codelists.country_aliases)) ownIndex.set(normaliseLabel(label), code);
  for (const [code, official] of Object.entries(codelists.official_names)) {
    names.set(code, official);
    ownIndex.set(normaliseLabel(official.en), code);
    ownIndex.set(normaliseLabel(official.ru), code);
  }
  for (const [label, code] of Object.entries(countryAliases)) ownIndex.set(normaliseLabel(label), code);
  const ambiguous = new Map(Object.entries(codelists.ambiguous_labels).map(([l, c]) => [normaliseLabel(l), c]));
  const allKeys = [...new Set([...index.keys(), ...ownIndex.keys()])];

  // each label resolved once, and the closest codes worked out only when a rejection reads them
  const seen = new Map<string, PartnerMatch>();
  const closest = new Map<string, string[]>();
  const unmapped = (key: string): PartnerMatch => ({
    kind: 'unmapped',
    get suggestions() {
      let s = closest.get(key);
      if (!s) {
        s = suggest(key);
        closest.set(key, s);
      }
      return s;
    },
  });
  const match = (label: string): PartnerMatch => {
    const key = normaliseLabel(label);
    const forced = ambiguous.get(key);
    if (forced && !ownIndex.has(key)) return { kind: 'ambiguous', candidates: [...forced] };
    const codes = codeOf(key);
    if (codes.length === 1) return { kind: 'code', code: codes[0]! };
    if (codes.length > 1) return { kind: 'ambiguous', candidates: codes.sort() };
    return unmapped(key);
  };

  const codeOf = (key: string): string[] => {
    const own = ownIndex.get(key);
    if (own) return [own];
    return [...(index.get(key) ?? [])];
  };

  return {
    resolve(label) {
      let m = seen.get(label);
      if (!m) {
        m = match(label);
        // a hostile file may hold 10⁵ different labels: the memory of them stays bounded
        if (seen.size < MAX_REMEMBERED) seen.set(label, m);
      }
      return m;
    },
    names(code) {
      return names.get(code) ?? { en: code, ru: code };
    },
    isKnownCode(code) {
      return names.has(code);
    },
  };

  function suggest(key: string): string[] {
    if (!key) return [];
    const scored = allKeys
      .filter((k) => k.length > 2)
      .map((k) => ({ k, d: editDistance(key, k) / Math.max(key.length, k.length) }))
      .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1));
    const out: string[] = [];
    for (const { k } of scored) {
      for (const c of codeOf(k)) if (!out.includes(c)) out.push(c);
      if (out.length >= 3) break;
    }
    return out;
  }
}
