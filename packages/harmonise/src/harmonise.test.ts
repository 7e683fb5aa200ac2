import { loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { harmonise } from './harmonise';
import type { HarmoniseInput } from './types';
import { ingested, obs, releaseConfig } from './test-helpers';

const tableSet = loadShippedTableSet();
const codelists = loadShippedCodeLists();
const file = (path: string) => ({ path, round: 2013, supersedes: false });

/** A country's T04 for some years: partners by sex, thousands for one of them, a basis change in 2012. */
function country(ref_area: string, years: number[], partners: string[]) {
  const observations = years.flatMap((time_period) =>
    partners.flatMap((partner, i) =>
      (['M', 'F'] as const).map((sex) =>
        obs({ ref_area, time_period, partner, sex, obs_value: 10 + i, unit_mult: i === 0 ? 3 : 0, definition_basis: time_period >= 2012 ? 'REG_LT12' : 'PERM_REG', source: { file: `${ref_area}.xlsx`, sha256: 'a', sheet: 'T04', cell: `C${i}`, raw: '1' } }),
      ),
    ),
  );
  return { ref_area, files: [{ file: file(`${ref_area}.xlsx`), result: ingested(observations) }] };
}

function input(countries: HarmoniseInput['countries']): HarmoniseInput {
  return { config: releaseConfig({ ARM: { stock_reference: '12-31' }, KAZ: {} }), tableSet, codelists, breaks: [], countries };
}

describe('harmonise, country by country', () => {
  const arm = country('ARM', [2011, 2012], ['RUS', 'KAZ', 'OTH']);
  const kaz = country('KAZ', [2011, 2012], ['RUS', 'ARM', 'OTH']);

  it('gives the release the countries harmonised one at a time give, laid end to end', () => {
    const whole = harmonise(input([arm, kaz]));
    const one = harmonise(input([arm]));
    const two = harmonise(input([kaz]));
    expect(whole.observations.some((o) => o.derived)).toBe(true);
    expect(whole.remarks.length).toBeGreaterThan(0);
    expect(whole.observations).toEqual([...one.observations, ...two.observations]);
    expect(whole.remarks).toEqual([...one.remarks, ...two.remarks]);
  });

  it('sorts the release by country whatever order the countries come in', () => {
    expect(harmonise(input([kaz, arm])).observations).toEqual(harmonise(input([arm, kaz])).observations);
  });

  it('copies every observation into one shape: the schema fields in order, then reference date and territory', () => {
    const keys = new Set(harmonise(input([arm])).observations.map((o) => Object.keys(o).join(',')));
    expect([...keys]).toEqual([
      'ref_area,table,time_period,migr_type,sex,age,partner,obs_value,obs_status,conf_status,definition_basis,unit_mult,derived,note_refs,source,reference_date,territory',
    ]);
  });

  it('takes more observations than a call may take arguments', () => {
    const partners = Array.from({ length: 250 }, (_, i) => `P${String(i).padStart(3, '0')}`);
    const big = country('ARM', Array.from({ length: 500 }, (_, i) => 1500 + i), partners);
    const out = harmonise(input([big]));
    // each year: 250 partners by two sexes, and their sex totals (no residual row: no partner total)
    expect(out.observations).toHaveLength(500 * 250 * 3);
    expect(out.observations.filter((o) => o.derived)).toHaveLength(500 * 250);
  }, 60_000);
});
