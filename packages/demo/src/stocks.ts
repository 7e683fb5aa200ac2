import { apportion, splitMen } from './apportion';
import { IMS2010_AGE_KGZ, IMS2010_AGE_RUS, IMS2010_BY_SEX, IMS2015_TOTAL, type Iso3, POPULATION_2010 } from './calibration';
import { BROAD, BROAD_PARTS, FIVE_YEAR_75, partnerCategories } from './categories';
import { uniform } from './prng';
import { maleShareOfOrigin, OTHER_WEIGHT, PROFILES } from './profiles';
import { getValue, putCell, type Values } from './values';
import { farWeights, jittered, mchWeights, mix, ordered } from './weights';

/** Ukraine publishes T01 in thousands with one decimal: its T01 figures are whole hundreds. */
export function stockUnit(iso3: Iso3, table: string): number {
  return iso3 === 'UKR' && table === 'T01' ? 100 : 1;
}

const roundTo = (x: number, unit: number) => Math.round(x / unit) * unit;

interface Population {
  total: number;
  men: number;
}

/** Resident population at 1 January of `year`. */
export function population(iso3: Iso3, year: number): Population {
  const p = POPULATION_2010[iso3];
  const total = roundTo(p.thousands * 1000 * (1 + p.growth) ** (year - 2010), 100);
  return { total, men: roundTo(total * p.maleShare, 100) };
}

/** Foreign-born at 1 January of `year`, on the 2010–2015 slope of the UN DESA mid-year stock. */
export function foreignBorn(iso3: Iso3, year: number, unit: number): Population {
  const ims = IMS2010_BY_SEX[iso3];
  const at2010 = ims.M + ims.F;
  const total = roundTo(at2010 + ((year - 2010.5) * (IMS2015_TOTAL[iso3] - at2010)) / 5, unit);
  return { total, men: roundTo((total * ims.M) / at2010, unit) };
}

/** Splits a total and its men over partners, leaving `fixed` categories to be filled by the caller. */
function splitPartners(values: Values, table: string, year: number, cats: readonly string[], weights: Record<string, number>, total: Population, unit: number): void {
  const parts = apportion(total.total, ordered(weights, cats), undefined, unit);
  const men = splitMen(parts, total.men, cats.map(maleShareOfOrigin), unit);
  cats.forEach((c, i) => {
    putCell(values, table, year, '', c, parts[i]!, men[i]!);
  });
}

export function buildStocks(iso3: Iso3, year: number, values: Values): void {
  const prof = PROFILES[iso3];
  const key = `${iso3}|${year}`;
  // T01 by country of birth: native-born, foreign-born by birthplace, unknown
  const u1 = stockUnit(iso3, 'T01');
  const pop = population(iso3, year);
  const fb = foreignBorn(iso3, year, u1);
  const unk = roundTo(pop.total * (['KGZ', 'TJK', 'UZB'].includes(iso3) ? 0.0015 : 0.0004), u1);
  const unkMen = roundTo(unk * 0.49, u1);
  const foreignCats = partnerCategories(iso3, 'T01').filter((c) => c !== iso3 && c !== 'UNK' && c !== 'STLS');
  const fbWeights = jittered(
    mix([
      [mchWeights(iso3), 0.93 - prof.sunShare],
      [{ SUN: 1 }, prof.sunShare],
      [farWeights(iso3), 0.05],
      [{ OTH: 1 }, 0.02],
    ]),
    `${key}|T01`,
    0.03,
  );
  splitPartners(values, 'T01', year, foreignCats, fbWeights, fb, u1);
  putCell(values, 'T01', year, '', 'UNK', unk, unkMen);
  putCell(values, 'T01', year, '', iso3, pop.total - fb.total - unk, pop.men - fb.men - unkMen);
  putCell(values, 'T01', year, '', '_T', pop.total, pop.men);

  // T02 by citizenship: own citizens, foreign citizens, stateless
  const foreign = Math.round(pop.total * prof.foreignCitizenShare * uniform(`${key}|fc`, 0.95, 1.05));
  const foreignMen = Math.round(foreign * 0.55);
  const stateless = Math.round(pop.total * prof.statelessShare);
  const statelessMen = Math.round(stateless * 0.5);
  const citizenCats = partnerCategories(iso3, 'T02').filter((c) => c !== iso3 && c !== 'UNK' && c !== 'STLS');
  const fcWeights = jittered(
    mix([
      [mchWeights(iso3), 0.84 - 2 * prof.sunShare],
      [{ SUN: 1 }, 2 * prof.sunShare],
      [farWeights(iso3), 0.12],
      [{ OTH: 1 }, OTHER_WEIGHT / 2],
    ]),
    `${key}|T02`,
    0.03,
  );
  splitPartners(values, 'T02', year, citizenCats, fcWeights, { total: foreign, men: foreignMen }, 1);
  putCell(values, 'T02', year, '', 'STLS', stateless, statelessMen);
  putCell(values, 'T02', year, '', 'UNK', 0, 0);
  putCell(values, 'T02', year, '', iso3, pop.total - foreign - stateless, pop.men - foreignMen - statelessMen);
  putCell(values, 'T02', year, '', '_T', pop.total, pop.men);

  buildForeignBornByAge(iso3, year, values);
}

/** T03 = T01 total − native-born − unknown, by the UN DESA age structure of the foreign-born. */
function buildForeignBornByAge(iso3: Iso3, year: number, values: Values): void {
  const total = getValue(values, 'T01', year, '', '_T', '_T')! - getValue(values, 'T01', year, '', '_T', iso3)! - getValue(values, 'T01', year, '', '_T', 'UNK')!;
  const men = getValue(values, 'T01', year, '', 'M', '_T')! - getValue(values, 'T01', year, '', 'M', iso3)! - getValue(values, 'T01', year, '', 'M', 'UNK')!;
  const profile = PROFILES[iso3].stockAgeProfile === 'RUS' ? IMS2010_AGE_RUS : IMS2010_AGE_KGZ;
  const weights = profile.map((w, i) => w * uniform(`${iso3}|${year}|T03|${i}`, 0.97, 1.03));
  const parts = apportion(total, weights);
  const men5 = splitMen(parts, men, FIVE_YEAR_75.map((_, i) => (i < 12 ? 0.5 : 0.4)));
  FIVE_YEAR_75.forEach((c, i) => {
    putCell(values, 'T03', year, '', c, parts[i]!, men5[i]!);
  });
  putCell(values, 'T03', year, '', '_T', total, men);
  if (!PROFILES[iso3].broadAgeGroups) return;
  for (const broad of BROAD) {
    const members = BROAD_PARTS[broad]!.map((c) => FIVE_YEAR_75.indexOf(c));
    putCell(values, 'T03', year, '', broad, members.reduce((s, i) => s + parts[i]!, 0), members.reduce((s, i) => s + men5[i]!, 0));
  }
}
