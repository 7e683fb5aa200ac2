/**
 * The real published figures the illustrative data is calibrated on, typed in by hand (the
 * reference files are never read by the generator). Everything else is derived from these with
 * seeded noise; the generated figures are NOT official statistics.
 */

export const MCH12 = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'] as const;
export type Iso3 = (typeof MCH12)[number];

/**
 * Foreign-born stock at mid-2010 by sex, persons.
 * Source: UN DESA, International Migrant Stock 2019, Table 1 (POP/DB/MIG/Stock/Rev.2019), 2010 columns.
 */
export const IMS2010_BY_SEX: Record<Iso3, { M: number; F: number }> = {
  ARM: { M: 85669, F: 125478 },
  AZE: { M: 129512, F: 147389 },
  BLR: { M: 499384, F: 590994 },
  GEO: { M: 31972, F: 41062 },
  KAZ: { M: 1625155, F: 1709782 },
  KGZ: { M: 94596, F: 137469 },
  MDA: { M: 52198, F: 77290 },
  RUS: { M: 5514401, F: 5680309 },
  TJK: { M: 121780, F: 158028 },
  TKM: { M: 90634, F: 107345 },
  UKR: { M: 2072474, F: 2746293 },
  UZB: { M: 558379, F: 661770 },
};

/** Both sexes at mid-2015, same source; the 2010–2015 slope dates the stocks of 2009–2012. */
export const IMS2015_TOTAL: Record<Iso3, number> = {
  ARM: 191199, AZE: 264241, BLR: 1082905, GEO: 76685, KAZ: 3546060, KGZ: 204382,
  MDA: 106374, RUS: 11643276, TJK: 275101, TKM: 196376, UKR: 4915142, UZB: 1170873,
};

/**
 * Bilateral foreign-born stock 2010, both sexes: destination row, origin columns in MCH12 order
 * (0 = no estimate). Source: UN DESA IMS 2019, origin–destination table, 2010, the 12×12 block.
 * Used for partner shares of stocks and flows.
 */
export const IMS2010_BILATERAL: Record<Iso3, readonly number[]> = {
  //     ARM     AZE     BLR     GEO      KAZ     KGZ     MDA      RUS     TJK     TKM      UKR      UZB
  ARM: [0, 130855, 410, 25767, 503, 0, 0, 11216, 0, 525, 1657, 736],
  AZE: [155685, 0, 481, 53614, 3797, 2680, 297, 30151, 261, 1808, 2953, 17853],
  BLR: [5779, 13611, 0, 8583, 70573, 5279, 7676, 688372, 5729, 5513, 227722, 14919],
  GEO: [11770, 5544, 1016, 0, 1583, 231, 446, 34226, 138, 188, 11231, 705],
  KAZ: [8597, 45483, 65001, 3079, 0, 6331, 11327, 2211875, 14870, 987, 317803, 264862],
  KGZ: [2702, 5311, 11293, 3712, 14692, 0, 3020, 126897, 2503, 1136, 30395, 10426],
  MDA: [0, 896, 2845, 804, 4973, 0, 0, 52125, 0, 0, 55935, 919],
  RUS: [517417, 752975, 749972, 441793, 2512343, 580279, 288805, 0, 457775, 182189, 2978217, 1125335],
  TJK: [198, 172, 692, 676, 854, 11495, 801, 238142, 0, 454, 1230, 7669],
  TKM: [7172, 7515, 2076, 0, 19806, 0, 0, 75465, 3401, 0, 8078, 67903],
  UKR: [47150, 82025, 244715, 64185, 221504, 26640, 149246, 3265811, 29270, 22527, 0, 219081],
  UZB: [6291, 21360, 27674, 0, 14700, 5085, 0, 913652, 11945, 792, 129604, 0],
};

/**
 * Age structure of the foreign-born, 2010, both sexes (Y_LT5 … Y70-74, Y_GE75).
 * Source: UN DESA IMS 2019 by age and sex, 2010: Russian Federation and Kyrgyzstan.
 */
export const IMS2010_AGE_RUS = [
  77094, 131483, 240922, 498966, 869775, 1017381, 1035048, 1050818, 1048137, 1102715, 1069492, 925450, 754832, 452664, 360852,
  559081,
];
export const IMS2010_AGE_KGZ = [
  3829, 4302, 6379, 13013, 17947, 14758, 13845, 14614, 16217, 19821, 21257, 19545, 14047, 13815, 11741, 26935,
];

/**
 * Net migration, persons a year. Source: UN WPP 2024 (modelled estimates; a benchmark, not
 * national flows). Used only for the year-to-year trend of the illustrative gross flows.
 */
export const WPP2024_NET: Record<Iso3, readonly [number, number, number, number]> = {
  //    2009     2010     2011     2012
  ARM: [-30000, -30000, -17000, -17000],
  AZE: [1000, 1000, 2000, 2000],
  BLR: [14000, 10000, 6000, 11000],
  GEO: [-33000, -37000, -38000, -39000],
  KAZ: [-8000, -7000, -3000, -5000],
  KGZ: [-14000, -7000, -10000, -13000],
  MDA: [-84000, -84000, -82000, -81000],
  RUS: [350000, 308000, 309000, 286000],
  TJK: [-37000, -34000, -31000, -12000],
  TKM: [7000, 7000, 7000, 7000],
  UKR: [27000, 16000, 26000, 67000],
  UZB: [-20000, -20000, -20000, -20000],
};

/**
 * Registered gross immigration in 2010 (persons), the level the illustrative flows start from.
 * RUS 191 656 (Rosstat, arrivals from abroad 2010); BLR 13 366 = 5 569 × 12/5 (Belstat, January–May
 * 2012, /work/shared/data/published_flow_facts.csv, annualised); GEO 74 000 ≈ 0.9 × 82 161
 * (Geostat 2014, border-crossing basis, same file); the others are illustrative magnitudes of the
 * small CIS registers, chosen so the register count stays well below the modelled WPP flows.
 */
export const IMMIGRATION_2010: Record<Iso3, number> = {
  ARM: 2400, AZE: 2300, BLR: 13366, GEO: 74000, KAZ: 41500, KGZ: 3500,
  MDA: 2600, RUS: 191656, TJK: 1600, TKM: 1200, UKR: 30800, UZB: 3100,
};

/**
 * Registered gross emigration in 2010, the target for the far-abroad part of T08 (the CIS part
 * follows from the partners' immigration; the far-abroad part is kept between 10 % and 60 % of it,
 * 300 % for Georgia, so the target is not always reached). GEO 80 000 ≈ 0.9 × 88 704 (Geostat 2014, border basis);
 * RUS 33 578 (Rosstat 2010); BLR 8 974 = 3 739 × 12/5 (Belstat Jan–May 2012, annualised); the rest
 * illustrative.
 */
export const EMIGRATION_2010: Record<Iso3, number> = {
  ARM: 6500, AZE: 3000, BLR: 8974, GEO: 80000, KAZ: 26500, KGZ: 50000,
  MDA: 5800, RUS: 33578, TJK: 12000, TKM: 2500, UKR: 14700, UZB: 25000,
};

/**
 * Rosstat arrivals from abroad 2009–2012: the 2011 jump is the 9-month stay rule (a registered
 * break), so the Russian immigration series is typed in rather than modelled.
 */
export const RUS_IMMIGRATION: Record<number, number> = { 2009: 279907, 2010: 191656, 2011: 356535, 2012: 417681 };

/** How much more the 9-month stay rule registers than permanent registration alone (2011 / 2010 ratio above, net of trend). */
export const RUS_STAY_RULE_FACTOR = 1.75;

/** Former-USSR share of the Russian Federation's immigrants: 92.3 % in 2021 (demoscope.ru, published_flow_facts.csv). */
export const RUS_FSU_SHARE = 0.923;

/**
 * Resident population at 1 January 2010, thousands (national offices as relayed by the CIS
 * Statistical Committee; rounded, approximate: illustrative calibration only), and a yearly growth rate.
 */
export const POPULATION_2010: Record<Iso3, { thousands: number; growth: number; maleShare: number }> = {
  ARM: { thousands: 3249, growth: 0.002, maleShare: 0.48 },
  AZE: { thousands: 8997, growth: 0.012, maleShare: 0.497 },
  BLR: { thousands: 9500, growth: -0.003, maleShare: 0.465 },
  GEO: { thousands: 4436, growth: 0.001, maleShare: 0.475 },
  KAZ: { thousands: 16204, growth: 0.014, maleShare: 0.483 },
  KGZ: { thousands: 5418, growth: 0.012, maleShare: 0.494 },
  MDA: { thousands: 3564, growth: -0.001, maleShare: 0.481 },
  RUS: { thousands: 141915, growth: 0.0, maleShare: 0.462 },
  TJK: { thousands: 7531, growth: 0.022, maleShare: 0.503 },
  TKM: { thousands: 5110, growth: 0.013, maleShare: 0.494 },
  UKR: { thousands: 45963, growth: -0.004, maleShare: 0.46 },
  UZB: { thousands: 28001, growth: 0.016, maleShare: 0.498 },
};
