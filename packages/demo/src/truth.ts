import { type Iso3, MCH12 } from './calibration';
import { buildEmigration, buildImmigration, farAbroadRatio } from './flows';
import { buildStocks } from './stocks';
import type { Values } from './values';

export const DEMO_YEARS = [2009, 2010, 2011, 2012] as const;

/**
 * What each country's registers "hold" for 2009–2012: the figures a questionnaire is filled from
 * before any slip of the pen. Identities hold here by construction; the planted irregularities
 * are applied per file (irregularities.ts).
 */
export type Truth = Record<Iso3, Values>;

export function buildTruth(): Truth {
  const truth = Object.fromEntries(MCH12.map((c) => [c, new Map()])) as Truth;
  for (const year of DEMO_YEARS) {
    for (const c of MCH12) {
      buildStocks(c, year, truth[c]);
      buildImmigration(c, year, truth[c]);
    }
  }
  // emigration mirrors the partners' immigration, so every T04 comes first
  const farRatios = Object.fromEntries(MCH12.map((c) => [c, farAbroadRatio(c, truth)])) as Record<Iso3, number>;
  for (const year of DEMO_YEARS) for (const c of MCH12) buildEmigration(c, year, truth[c], truth, farRatios[c]);
  return truth;
}
