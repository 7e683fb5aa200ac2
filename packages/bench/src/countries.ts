import { createRequire } from 'node:module';
import type { CodeLists } from '@mch/core';
import countries from 'i18n-iso-countries';
import { TIERS, type Tier, type WrittenPartner } from './generate';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/ru.json'));

const MCH12 = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'];
/** The 56 UNECE member states (tier L: the Clearing House extended to the whole region), the twelve first. */
const UNECE56 = [
  ...MCH12,
  ...['ALB', 'AND', 'AUT', 'BEL', 'BIH', 'BGR', 'CAN', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'ISL', 'IRL', 'ISR', 'ITA', 'LVA'],
  ...['LIE', 'LTU', 'LUX', 'MLT', 'MCO', 'MNE', 'NLD', 'MKD', 'NOR', 'POL', 'PRT', 'ROU', 'SMR', 'SRB', 'SVK', 'SVN', 'ESP', 'SWE', 'CHE', 'TUR', 'GBR', 'USA'],
];

/** The tier's reporting countries: the Clearing House twelve, then the rest of UNECE. */
export function reportingCountries(tier: Tier, limit?: number): string[] {
  const n = Math.min(limit ?? TIERS[tier].countries, UNECE56.length);
  return UNECE56.slice(0, n);
}

/**
 * The partner rows one country writes, every country but itself: the standard rows of the code
 * lists at tier S, every ISO country at M and L. Each partner is written one way, as one office's
 * database does, and offices differ: 60 % as codes, 25 % by English and 15 % by Russian name.
 */
export function writtenPartners(tier: Tier, ref_area: string, codelists: CodeLists, offset: number): WrittenPartner[] {
  // the library's Kosovo (XKK, XXK in older versions) is XKX in the code lists
  const special = new Set(codelists.special_partners.map((p) => p.code));
  const iso = Object.entries(countries.getAlpha2Codes()).map(([a2, a3]) => ({ a2, code: a3 === 'XXK' || a3 === 'XKK' ? 'XKX' : a3 }));
  const wanted = TIERS[tier].partners === 'standard' ? new Set(codelists.standard_partner_rows.filter((c) => !special.has(c))) : undefined;
  return iso
    .filter((p) => p.code !== ref_area && (!wanted || wanted.has(p.code)))
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((p, i) => {
      const k = (i + offset) % 20;
      const name = k < 12 ? undefined : countries.getName(p.a2, k < 17 ? 'en' : 'ru');
      return { code: p.code, label: name ?? p.code };
    });
}

export const TABLE_IDS = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11'];
