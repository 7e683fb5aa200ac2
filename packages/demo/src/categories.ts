import type { Iso3 } from './calibration';
import { PROFILES } from './profiles';

/** The standard partner rows of pipelines/mch/codelists.yaml, without the total. */
export const STANDARD_PARTNERS = [
  'ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB',
  'EST', 'LVA', 'LTU', 'DEU', 'ISR', 'USA', 'POL', 'TUR', 'CHN', 'KOR', 'ITA', 'CZE', 'GRC',
] as const;

export const PARTNER_TABLES = ['T01', 'T02', 'T04', 'T05', 'T06', 'T08', 'T09', 'T11'] as const;
export const AGE_TABLES = ['T03', 'T07', 'T10'] as const;
export const STOCK_TABLES = ['T01', 'T02', 'T03'] as const;
export const ALL_TABLES = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11'] as const;
export type TableId = (typeof ALL_TABLES)[number];

const CITIZENSHIP = new Set(['T02', 'T05', 'T09', 'T11']);
const FORMER_ALLOWED = new Set(['T01', 'T02', 'T05', 'T06', 'T09', 'T11']);
const NO_OWN = new Set(['T04', 'T08', 'T11']);

export const FIVE_YEAR_70 = ['Y_LT5', 'Y5-9', 'Y10-14', 'Y15-19', 'Y20-24', 'Y25-29', 'Y30-34', 'Y35-39', 'Y40-44', 'Y45-49', 'Y50-54', 'Y55-59', 'Y60-64', 'Y65-69', 'Y_GE70'];
export const FIVE_YEAR_75 = [...FIVE_YEAR_70.slice(0, 14), 'Y70-74', 'Y_GE75'];
export const BROAD = ['Y_LT15', 'Y15-64', 'Y_GE65'];
/** the five-year groups (of FIVE_YEAR_75) each broad group is made of */
export const BROAD_PARTS: Record<string, readonly string[]> = {
  Y_LT15: FIVE_YEAR_75.slice(0, 3),
  'Y15-64': FIVE_YEAR_75.slice(3, 13),
  Y_GE65: FIVE_YEAR_75.slice(13),
};

export function isAgeTable(table: string): boolean {
  return (AGE_TABLES as readonly string[]).includes(table);
}
export function isFlowTable(table: string): boolean {
  return !['T01', 'T02', 'T03', 'T11'].includes(table);
}

/** Partner codes a country reports in a table, in questionnaire order, without aggregates or the total. */
export function partnerCategories(iso3: Iso3, table: string): string[] {
  const rows: string[] = STANDARD_PARTNERS.filter((p) => !(NO_OWN.has(table) && p === iso3));
  for (const extra of PROFILES[iso3].extras) rows.push(extra);
  if (FORMER_ALLOWED.has(table)) rows.push('SUN');
  rows.push('OTH', 'UNK');
  if (CITIZENSHIP.has(table)) rows.push('STLS');
  return rows;
}

/** Age codes of an age table, partitions in order, `_U` last. */
export function ageCategories(iso3: Iso3, table: string): string[] {
  if (table === 'T03') return PROFILES[iso3].broadAgeGroups ? [...FIVE_YEAR_75, ...BROAD] : [...FIVE_YEAR_75];
  return [...FIVE_YEAR_70, '_U'];
}

export function categories(iso3: Iso3, table: string): string[] {
  return isAgeTable(table) ? ageCategories(iso3, table) : partnerCategories(iso3, table);
}
