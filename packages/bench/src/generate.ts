import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '@mch/core';

/** Tier sizes of scale-and-safety.md: reporting countries × years, every partner. */
export const TIERS = {
  S: { countries: 12, years: 4, partners: 30 },
  M: { countries: 12, years: 20, partners: 250 },
  L: { countries: 56, years: 30, partners: 250 },
} as const;
export type Tier = keyof typeof TIERS;

const PARTNER_TABLES = ['T01', 'T02', 'T04', 'T05', 'T06', 'T08', 'T09', 'T11'];
const FLOW = new Set(['T04', 'T05', 'T06', 'T08', 'T09']);
const SEXES = ['M', 'F'];

/**
 * Writes one country's long CSV (submissions.md §2): partner tables by sex with the sex and
 * partner totals, so every identity holds. Returns the number of data rows.
 */
export async function writeCountryCsv(path: string, refArea: string, partners: readonly string[], years: readonly number[], seed: number): Promise<number> {
  const random = mulberry32(seed);
  const out = createWriteStream(path);
  let rows = 0;
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE\n');
  for (const table of PARTNER_TABLES) {
    const type = FLOW.has(table) ? 'NAT' : '';
    for (const year of years) {
      const totals = { M: 0, F: 0 };
      for (const partner of partners) {
        if (partner === refArea && (table === 'T04' || table === 'T08' || table === 'T11')) continue;
        let both = 0;
        for (const sex of SEXES) {
          const v = Math.floor(random() * 5000);
          both += v;
          totals[sex as 'M' | 'F'] += v;
          await write(`${refArea},${table},${year},${type},${sex},,${partner},${v}\n`);
        }
        await write(`${refArea},${table},${year},${type},_T,,${partner},${both}\n`);
        rows += 3;
      }
      for (const sex of SEXES) await write(`${refArea},${table},${year},${type},${sex},,_T,${totals[sex as 'M' | 'F']}\n`);
      await write(`${refArea},${table},${year},${type},_T,,_T,${totals.M + totals.F}\n`);
      rows += 3;
    }
  }
  out.end();
  await once(out, 'close');
  return rows;
}
