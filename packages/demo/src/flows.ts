import { apportion, splitMen } from './apportion';
import { EMIGRATION_2010, IMMIGRATION_2010, type Iso3, MCH12, RUS_FSU_SHARE, RUS_IMMIGRATION, RUS_STAY_RULE_FACTOR, WPP2024_NET } from './calibration';
import { FIVE_YEAR_70, partnerCategories } from './categories';
import { uniform } from './prng';
import { FLOW_AGE_PROFILE, type FlowType, maleShareOfOrigin, OTHER_WEIGHT, PROFILES } from './profiles';
import { getValue, putCell, type TypeCode, type Values } from './values';
import { farWeights, jittered, mchWeights, mix, ordered, type Weights } from './weights';

const YEAR_INDEX: Record<number, number> = { 2009: 0, 2010: 1, 2011: 2, 2012: 3 };

/** A mild year-to-year trend following the sign of the WPP net-migration change, plus noise. */
function trend(iso3: Iso3, year: number, direction: 'in' | 'out'): number {
  if (year === 2010) return 1;
  const net = WPP2024_NET[iso3];
  const change = (net[YEAR_INDEX[year]!]! - net[1]) / Math.max(5000, Math.abs(net[1]));
  const sign = direction === 'in' ? 1 : -1;
  return 1 + 0.12 * Math.tanh(change) * sign + uniform(`${iso3}|${year}|trend|${direction}`, -0.04, 0.04);
}

/**
 * Registered immigrants: Rosstat's series for the Russian Federation (the 2011 jump is the
 * 9-month stay rule), the 2010 level times the trend elsewhere.
 */
export function immigrationTotal(iso3: Iso3, year: number): number {
  if (iso3 === 'RUS') return RUS_IMMIGRATION[year]!;
  return Math.round(IMMIGRATION_2010[iso3] * trend(iso3, year, 'in'));
}

/** How many more of a true flow the destination registers than before (the RUS 2011 break). */
export function registrationCoverage(dest: Iso3, year: number): number {
  return dest === 'RUS' && year >= 2011 ? RUS_STAY_RULE_FACTOR : 1;
}

/**
 * Planted undeclared break: from 2012 Kazakhstan records far more departures (a change it did
 * not document), so its emigration nearly doubles (MCH-T01 finds it).
 */
export function departureRecording(origin: Iso3, year: number): number {
  return origin === 'KAZ' && year === 2012 ? 1.9 : 1;
}

/**
 * I/E of a pair under equal definitions: registers for permanent residence undercount
 * departures, so 1.1–1.9; border-based Georgia counts far more arrivals (as destination) and
 * departures (as origin). Planted strong asymmetry: Tajik registers record few departures to Russia.
 */
export function pairRatio(dest: Iso3, origin: Iso3, year: number): number {
  let r = uniform(`pair|${dest}|${origin}`, 1.1, 1.9);
  if (dest === 'GEO') r = uniform(`pair|${dest}|${origin}`, 2.5, 4);
  if (origin === 'GEO') r = uniform(`pair|${dest}|${origin}`, 0.25, 0.45);
  if (dest === 'RUS' && origin === 'TJK') r = 6.5;
  return r * uniform(`pair|${dest}|${origin}|${year}`, 0.95, 1.05) * registrationCoverage(dest, year);
}

export function mainType(iso3: Iso3): FlowType {
  return PROFILES[iso3].flowTypes[0]!;
}

function putPartners(values: Values, table: string, year: number, type: TypeCode, cats: readonly string[], parts: readonly number[], men: readonly number[]): void {
  cats.forEach((c, i) => {
    putCell(values, table, year, type, c, parts[i]!, men[i]!);
  });
  putCell(values, table, year, type, '_T', parts.reduce((s, v) => s + v, 0), men.reduce((s, v) => s + v, 0));
}

/** A primary partner table: both sexes apportioned by weights, men by each partner's male share. */
function primaryPartners(values: Values, table: string, year: number, type: TypeCode, cats: readonly string[], weights: Weights, total: number): void {
  const parts = apportion(total, ordered(weights, cats));
  const men = parts.map((t, i) => Math.round(t * Math.min(0.95, maleShareOfOrigin(cats[i]!) * uniform(`${table}|${year}|${cats[i]}|ms`, 0.94, 1.06))));
  putPartners(values, table, year, type, cats, parts, men);
}

/** A secondary table: the totals (both sexes and men) of the primary table, split by other weights. */
function secondaryPartners(values: Values, table: string, year: number, type: TypeCode, cats: readonly string[], weights: Weights, total: number, menTotal: number): void {
  const parts = apportion(total, ordered(weights, cats));
  const men = splitMen(parts, menTotal, cats.map(maleShareOfOrigin));
  putPartners(values, table, year, type, cats, parts, men);
}

function ages(values: Values, table: string, year: number, type: TypeCode, iso3: Iso3, total: number, menTotal: number): void {
  const cats = [...FIVE_YEAR_70, '_U'];
  const unknown = ['KGZ', 'TJK'].includes(iso3) ? 0.4 : 0.05;
  const weights = [...FLOW_AGE_PROFILE, unknown].map((w, i) => w * uniform(`${iso3}|${table}|${year}|${type}|age${i}`, 0.92, 1.08));
  const parts = apportion(total, weights);
  const men = splitMen(parts, menTotal, cats.map((_, i) => (i >= 4 && i <= 10 ? 0.56 : 0.47)));
  putPartners(values, table, year, type, cats, parts, men);
}

/** Shares of a partner table's countries, to reuse for citizenship and birthplace tables. */
function sharesOf(values: Values, table: string, year: number, type: TypeCode, cats: readonly string[]): Weights {
  const out: Weights = {};
  for (const c of cats) out[c] = getValue(values, table, year, type, '_T', c) ?? 0;
  return out;
}

/** Departures to the other Clearing House countries of a year, from the partners' arrivals. */
function departuresToPartners(iso3: Iso3, year: number, all: Record<Iso3, Values>): number {
  let sum = 0;
  for (const dest of MCH12) {
    if (dest === iso3) continue;
    const arrivals = getValue(all[dest], 'T04', year, mainType(dest), '_T', iso3) ?? 0;
    sum += Math.round((arrivals / pairRatio(dest, iso3, year)) * departureRecording(iso3, year));
  }
  return sum;
}

/**
 * Far-abroad departures per departure to a partner, fixed on 2010: the gap between the calibrated
 * emigration and the partner-based part, kept between 10 % and 60 % (300 % for border-based
 * Georgia, whose emigrants go to Türkiye, Greece and the EU), so the series stays smooth.
 */
export function farAbroadRatio(iso3: Iso3, all: Record<Iso3, Values>): number {
  const mch = departuresToPartners(iso3, 2010, all);
  const ceiling = iso3 === 'GEO' ? 3 : 0.6;
  return Math.min(Math.max((EMIGRATION_2010[iso3] - mch) / Math.max(mch, 1), 0.1), ceiling);
}

/** T04–T07 and T11 of one country and year. */
export function buildImmigration(iso3: Iso3, year: number, values: Values): void {
  const prof = PROFILES[iso3];
  const key = `${iso3}|${year}`;
  const far = iso3 === 'RUS' ? 1 - RUS_FSU_SHARE : prof.farShareIn;
  const t04Weights = jittered(
    mix([
      [mchWeights(iso3), 1 - far - prof.unkShareIn - 0.015],
      [farWeights(iso3), far],
      [{ OTH: 1 }, 0.015],
      [{ UNK: 1 }, prof.unkShareIn],
    ]),
    `${key}|T04`,
  );
  const t04Cats = partnerCategories(iso3, 'T04');
  const main = mainType(iso3);
  const total = immigrationTotal(iso3, year);
  primaryPartners(values, 'T04', year, main, t04Cats, t04Weights, total);
  for (const type of prof.flowTypes.slice(1)) {
    primaryPartners(values, 'T04', year, type, t04Cats, jittered(t04Weights, `${key}|T04|${type}`), Math.round(total * uniform(`${key}|st`, 0.5, 0.7)));
  }
  const men = getValue(values, 'T04', year, main, 'M', '_T')!;
  const origins = sharesOf(values, 'T04', year, main, t04Cats.filter((c) => c !== 'UNK' && c !== 'OTH'));

  const t05Cats = partnerCategories(iso3, 'T05');
  const t05Weights = mix([
    [{ [iso3]: 1 }, prof.ownCitizensIn],
    [origins, 0.97 - prof.ownCitizensIn],
    [{ SUN: 1, STLS: 2, UNK: 3, OTH: 4 }, 0.03],
  ]);
  secondaryPartners(values, 'T05', year, main, t05Cats, jittered(t05Weights, `${key}|T05`, 0.03), total, men);

  const t06Cats = partnerCategories(iso3, 'T06');
  const t06Weights = mix([
    [{ [iso3]: 1 }, prof.ownCitizensIn * 0.6],
    [origins, 0.96 - prof.ownCitizensIn * 0.6],
    [{ SUN: 5, UNK: 2, OTH: 3 }, 0.04],
  ]);
  secondaryPartners(values, 'T06', year, main, t06Cats, jittered(t06Weights, `${key}|T06`, 0.03), total, men);
  ages(values, 'T07', year, main, iso3, total, men);

  // acquisitions follow the migrant population, not the registration rule of the year
  const acquisitions = Math.round((total / registrationCoverage(iso3, year)) * prof.acquisitionsPerImmigrant * uniform(`${key}|acq`, 0.9, 1.1));
  const t11Weights = mix([
    [mchWeights(iso3), 0.85],
    [farWeights(iso3), 0.05],
    [{ STLS: 5, SUN: 2, OTH: 2, UNK: 1 }, 0.1],
  ]);
  primaryPartners(values, 'T11', year, '', partnerCategories(iso3, 'T11'), jittered(t11Weights, `${key}|T11`), acquisitions);
}

/**
 * T08–T10 of one country and year. Departures to the other Clearing House countries mirror what
 * those countries register as arrivals from it, divided by the pair's I/E ratio; departures
 * further abroad fill the gap to the calibrated emigration level.
 */
export function buildEmigration(iso3: Iso3, year: number, values: Values, all: Record<Iso3, Values>, farRatio: number): void {
  const prof = PROFILES[iso3];
  const main = mainType(iso3);
  const recording = departureRecording(iso3, year);
  const cats = partnerCategories(iso3, 'T08');
  const parts = new Map<string, { total: number; men: number }>();
  let mchSum = 0;
  for (const dest of MCH12) {
    if (dest === iso3) continue;
    const arrivals = getValue(all[dest], 'T04', year, mainType(dest), '_T', iso3) ?? 0;
    const arrivalsMen = getValue(all[dest], 'T04', year, mainType(dest), 'M', iso3) ?? 0;
    const departures = Math.round((arrivals / pairRatio(dest, iso3, year)) * recording);
    const share = arrivals > 0 ? arrivalsMen / arrivals : 0.5;
    parts.set(dest, { total: departures, men: Math.round(departures * share) });
    mchSum += departures;
  }
  const farTotal = Math.round(mchSum * farRatio * trend(iso3, year, 'out'));
  const unknown = Math.round(((mchSum + farTotal) * prof.unkShareOut) / (1 - prof.unkShareOut));
  const farCats = cats.filter((c) => !parts.has(c) && c !== 'UNK');
  const farW = jittered(mix([[farWeights(iso3), 1 - OTHER_WEIGHT], [{ OTH: 1 }, OTHER_WEIGHT]]), `${iso3}|${year}|T08`);
  const farParts = apportion(farTotal, ordered(farW, farCats));
  farCats.forEach((c, i) => {
    parts.set(c, { total: farParts[i]!, men: Math.round(farParts[i]! * 0.47) });
  });
  parts.set('UNK', { total: unknown, men: Math.round(unknown * 0.5) });
  putPartners(values, 'T08', year, main, cats, cats.map((c) => parts.get(c)!.total), cats.map((c) => parts.get(c)!.men));
  const total = getValue(values, 'T08', year, main, '_T', '_T')!;
  const men = getValue(values, 'T08', year, main, 'M', '_T')!;

  for (const type of prof.flowTypes.slice(1)) {
    const w = jittered(sharesOf(values, 'T08', year, main, cats), `${iso3}|${year}|T08|${type}`);
    primaryPartners(values, 'T08', year, type, cats, w, Math.round(total * uniform(`${iso3}|${year}|st-out`, 0.6, 0.8)));
  }

  const destinations = sharesOf(values, 'T08', year, main, cats.filter((c) => c !== 'UNK' && c !== 'OTH'));
  const t09Weights = mix([
    [{ [iso3]: 1 }, prof.ownCitizensOut],
    [destinations, 0.99 - prof.ownCitizensOut],
    [{ SUN: 1, STLS: 2, UNK: 3, OTH: 4 }, 0.01],
  ]);
  secondaryPartners(values, 'T09', year, main, partnerCategories(iso3, 'T09'), jittered(t09Weights, `${iso3}|${year}|T09`, 0.03), total, men);
  ages(values, 'T10', year, main, iso3, total, men);
}
