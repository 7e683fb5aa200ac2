import { type Observation, observationKey } from '@mch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt } from '../../format';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

describe('MCH-R01 revisions', () => {
  it('classifies revised, new and withdrawn values against the previous release', () => {
    const previous = { version: '2012.1', observations: [o('ARM|T04|2011|LT|_T||RUS', 90), o('ARM|T04|2011|LT|_T||DEU', 7)] };
    const { findings } = runRule('MCH-R01', [o('ARM|T04|2011|LT|_T||RUS', 95), o('ARM|T04|2012|LT|_T||RUS', 100)], { previous });
    expect(findings.map((f) => f.message)).toEqual([
      'ARM 2012: new data, 1 cell in table (T04) not in 2012.1, from ARM.xlsx',
      'T04 ARM 2011 long-term, partner DEU: withdrawn, 7 was published in 2012.1',
      'T04 ARM 2011 long-term, partner RUS: revised from 90 (A) in 2012.1 to 95 (A) in 2013.1',
    ]);
  });

  it('passes unchanged values', () => {
    const previous = { version: '2012.1', observations: [o('ARM|T04|2011|LT|_T||RUS', 90)] };
    const { findings, summary } = runRule('MCH-R01', [o('ARM|T04|2011|LT|_T||RUS', 90)], { previous });
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(1);
  });
});

describe('MCH-R01 against a key string per value', () => {
  // what R01 computed before its keys were numbers: the findings must be the same, in the same order
  const expected = (previous: Observation[], current: Observation[]) => {
    const before = new Map<string, Observation>();
    for (const p of previous) if (!p.derived) before.set(observationKey(p), p);
    const revised: string[] = [];
    const fresh = new Set<string>();
    for (const c of current) {
      if (c.derived) continue;
      const k = observationKey(c);
      const old = before.get(k);
      before.delete(k);
      if (!old) fresh.add(`${c.ref_area} ${c.time_period}: new data`);
      else if (old.obs_value !== c.obs_value) revised.push(`revised from ${fmt(old.obs_value)} (A) in 2012.1 to ${fmt(c.obs_value)}`);
    }
    return { revised, fresh: [...fresh], withdrawn: [...before.values()].map((w) => `withdrawn, ${fmt(w.obs_value)} was published`) };
  };

  it('finds the same revisions, new data and withdrawals on random releases, duplicates and derived values included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('T04', 'T05'), fc.integer({ min: 2010, max: 2012 }), fc.constantFrom('RUS', 'DEU', 'GEO'), fc.integer({ min: 0, max: 3 }), fc.boolean()), { maxLength: 30 }),
        fc.array(fc.tuple(fc.constantFrom('T04', 'T05'), fc.integer({ min: 2010, max: 2012 }), fc.constantFrom('RUS', 'DEU', 'GEO'), fc.integer({ min: 0, max: 3 }), fc.boolean()), { maxLength: 30 }),
        (before, now) => {
          const make = ([t, y, p, v, d]: [string, number, string, number, boolean]) => o(`ARM|${t}|${y}|LT|_T||${p}`, v, { derived: d });
          const previous = before.map(make);
          // the chain hands each key once to the checks
          const current = [...new Map(now.map((x) => [observationKey(make(x)), make(x)])).values()];
          const { findings } = runRule('MCH-R01', current, { previous: { version: '2012.1', observations: previous } });
          const want = expected(previous, current);
          const messages = findings.map((f) => f.message);
          expect(messages.filter((m) => m.includes('revised from')).map((m) => m.slice(m.indexOf('revised from')).replace(/ \(A\) in 2013\.1$/, '')).sort()).toEqual(
            want.revised.sort(),
          );
          expect(messages.filter((m) => m.includes('new data')).map((m) => m.slice(0, m.indexOf(','))).sort()).toEqual(want.fresh.sort());
          expect(messages.filter((m) => m.includes('withdrawn')).map((m) => m.slice(m.indexOf('withdrawn')).replace(/ in 2012\.1$/, '')).sort()).toEqual(want.withdrawn.sort());
        },
      ),
    );
  });
});
