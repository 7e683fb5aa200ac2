import type { Iso3 } from './calibration';

/** Flow type reported per flow table; most CIS registers report one national-definition block. */
export type FlowType = 'LT' | 'ST' | 'NAT';

/** Illustrative structural parameters of each country's figures (shares, not levels). */
export interface CountryProfile {
  /** types reported in T04 and T08 (the first is the main one, used in T05–T07, T09, T10) */
  flowTypes: readonly FlowType[];
  /** partners beyond the standard rows */
  extras: readonly string[];
  /** share of immigrants from outside the former USSR */
  farShareIn: number;
  unkShareIn: number;
  unkShareOut: number;
  /** share of the foreign-born born in the USSR without a republic */
  sunShare: number;
  foreignCitizenShare: number;
  statelessShare: number;
  /** immigrants who hold the country's citizenship (returning nationals) */
  ownCitizensIn: number;
  /** emigrants who hold the country's citizenship */
  ownCitizensOut: number;
  /** acquisitions of citizenship per registered immigrant */
  acquisitionsPerImmigrant: number;
  /** age profile of the foreign-born: the Russian one (Europe, Caucasus) or the Kyrgyz one (Central Asia) */
  stockAgeProfile: 'RUS' | 'KGZ';
  /** T03 also as broad groups (a second partition of the same total) */
  broadAgeGroups: boolean;
}

const base: CountryProfile = {
  flowTypes: ['NAT'],
  extras: [],
  farShareIn: 0.1,
  unkShareIn: 0.005,
  unkShareOut: 0.01,
  sunShare: 0,
  foreignCitizenShare: 0.004,
  statelessShare: 0.0005,
  ownCitizensIn: 0.35,
  ownCitizensOut: 0.85,
  acquisitionsPerImmigrant: 0.3,
  stockAgeProfile: 'RUS',
  broadAgeGroups: false,
};

export const PROFILES: Record<Iso3, CountryProfile> = {
  ARM: { ...base, flowTypes: ['LT', 'ST'], extras: ['FRA', 'IRN', 'SYR'], farShareIn: 0.22, ownCitizensIn: 0.55, acquisitionsPerImmigrant: 0.6 },
  AZE: { ...base, extras: ['IRN', 'GBR'], farShareIn: 0.2, ownCitizensIn: 0.3 },
  BLR: { ...base, extras: ['LBN', 'CAN'], farShareIn: 0.08, sunShare: 0.004, foreignCitizenShare: 0.012, broadAgeGroups: true },
  GEO: { ...base, extras: ['GBR', 'FRA', 'ESP'], farShareIn: 0.42, unkShareIn: 0.01, statelessShare: 0.0003, acquisitionsPerImmigrant: 0.03 },
  KAZ: { ...base, extras: ['MNG', 'CAN'], farShareIn: 0.06, sunShare: 0.003, foreignCitizenShare: 0.008, statelessShare: 0.004, ownCitizensIn: 0.4, acquisitionsPerImmigrant: 0.5, stockAgeProfile: 'KGZ' },
  KGZ: { ...base, extras: ['AFG', 'CAN'], farShareIn: 0.07, ownCitizensIn: 0.45, stockAgeProfile: 'KGZ' },
  MDA: { ...base, extras: ['ROU', 'ESP', 'PRT'], farShareIn: 0.3, ownCitizensIn: 0.5, acquisitionsPerImmigrant: 0.25 },
  RUS: { ...base, extras: ['VNM', 'IND', 'MNG', 'FRA'], farShareIn: 0.077, sunShare: 0.01, foreignCitizenShare: 0.0048, statelessShare: 0.0013, ownCitizensIn: 0.25, ownCitizensOut: 0.7, acquisitionsPerImmigrant: 0.58 },
  TJK: { ...base, extras: ['AFG', 'IRN'], farShareIn: 0.12, ownCitizensIn: 0.5, stockAgeProfile: 'KGZ' },
  TKM: { ...base, extras: ['IRN', 'AFG'], farShareIn: 0.2, unkShareOut: 0.08, stockAgeProfile: 'KGZ' },
  UKR: { ...base, extras: ['CAN', 'ROU', 'HUN', 'SVK'], farShareIn: 0.18, sunShare: 0.006, statelessShare: 0.001, ownCitizensIn: 0.3, ownCitizensOut: 0.8 },
  UZB: { ...base, extras: ['AFG', 'IND'], farShareIn: 0.1, ownCitizensIn: 0.3, stockAgeProfile: 'KGZ' },
};

/** Far-abroad partners of the standard rows and their relative weights (illustrative). */
export const FAR_WEIGHTS: Record<string, number> = {
  EST: 0.03, LVA: 0.04, LTU: 0.04, DEU: 0.16, ISR: 0.08, USA: 0.12, POL: 0.03, TUR: 0.12,
  CHN: 0.09, KOR: 0.05, ITA: 0.05, CZE: 0.03, GRC: 0.04,
};
/** weight of each country-specific extra partner, and of "other countries" */
export const EXTRA_WEIGHT = 0.04;
export const OTHER_WEIGHT = 0.07;

/** Migrants' ages, five-year groups to 65-69 and 70+: an illustrative schedule peaking at 20–34. */
export const FLOW_AGE_PROFILE = [6, 4, 3, 6, 13, 15, 12, 9, 7, 6, 5, 4, 3, 3, 4];

/** Men's share among migrants from Central Asia is higher (labour migration). */
export function maleShareOfOrigin(partner: string): number {
  return ['TJK', 'UZB', 'KGZ', 'AFG'].includes(partner) ? 0.62 : ['CHN', 'TUR', 'VNM', 'IND'].includes(partner) ? 0.7 : 0.49;
}
