import { createPartnerResolver } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context } from '../test-support/dump';

// No size limit but memory: a long CSV of 10⁶ data rows, made in memory, read whole. A spread over
// a data-sized array or a recursion over rows would end here in a RangeError.
const ROWS = 1_000_000;
const PLANTED = 100_000;

function millionRows(partners: readonly string[]): { bytes: Uint8Array; sum: number; planted: number[] } {
  const lines = ['REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE'];
  let sum = 0;
  const planted: number[] = [];
  const tables = ['T01', 'T02', 'T04', 'T05', 'T06', 'T08', 'T09', 'T11'];
  outer: for (const table of tables) {
    const type = ['T01', 'T02', 'T11'].includes(table) ? '' : 'NAT';
    for (let year = 1900; year < 2100; year++) {
      for (const partner of partners) {
        for (const sex of ['M', 'F', '_T']) {
          const n = lines.length;
          if (n > ROWS) break outer;
          const v = (n * 7919) % 100_000;
          // a figure that is no number every 100 000 rows, thousands separators every seventh row
          let text = String(v);
          if (n % PLANTED === 0) {
            text = 'n.a.';
            planted.push(n + 1);
          } else {
            sum += v;
            if (n % 7 === 0) text = text.replace(/\B(?=(\d{3})+$)/gu, ' ');
          }
          lines.push(`ARM,${table},${year},${type},${sex},,${partner},${text}`);
        }
      }
    }
  }
  return { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), sum, planted };
}

describe('a long CSV of a million rows', () => {
  it('is read whole: every row an observation or a rejection, every figure summed, at its line', async () => {
    const ctx = context('ARM');
    // every three-letter code the partner resolver knows: the ISO countries and the special rows
    const resolver = createPartnerResolver(ctx.codelists);
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    const partners = letters.flatMap((a) => letters.flatMap((b) => letters.map((c) => a + b + c))).filter((p) => p !== 'ARM' && resolver.isKnownCode(p));
    expect(partners.length).toBeGreaterThan(240);
    const file = millionRows(partners);
    const r = await ingestFile({ path: 'million.csv', bytes: file.bytes }, ctx);
    expect(r.files[0]).toMatchObject({ value_cells: ROWS, observations: ROWS - 10, rejections: 10 });
    expect(r.rejections.map((x) => [x.reason, x.source.cell])).toEqual(file.planted.map((line) => ['unparseable-value', String(line)]));
    let sum = 0;
    for (const o of r.observations) sum += o.obs_value ?? 0;
    expect(sum).toBe(file.sum);
    // the last row (line 1 000 001) is a planted one: the row before it is the last observation
    expect(file.planted[file.planted.length - 1]).toBe(ROWS + 1);
    expect(r.observations[r.observations.length - 1]!.source?.cell).toBe(String(ROWS));
  }, 120_000);
});
