import { type Observation, compareObservations, observationKey } from '@mch/core';
import { loadShippedCodeLists } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { ageOrder, publishedObservations } from './publishable';
import { obs } from './testing/fixture';
import { randomObservations } from './testing/shuffle';

describe('the published observations', () => {
  const codelists = loadShippedCodeLists();

  it('drop a derived value where a reported one has its key, and keep it elsewhere', () => {
    const reported = obs({ ref_area: 'ARM', table: 'T04', partner: '_T', obs_value: 10 });
    const shadowed = { ...reported, obs_value: 11, derived: true };
    const alone = obs({ ref_area: 'ARM', table: 'T04', partner: 'CIS', obs_value: 4, derived: true });
    expect(publishedObservations([reported, shadowed, alone], codelists)).toEqual({ observations: [alone, reported], origins: Int32Array.of(2, 0) });
    expect(publishedObservations([shadowed, alone, reported], codelists)).toEqual({ observations: [alone, reported], origins: Int32Array.of(1, 2) });
  });

  it('hold a key once where a file gave the same figure twice: the first cell', () => {
    const first = obs({ ref_area: 'ARM', table: 'T04', partner: 'RUS', obs_value: 600, source: { file: 'a.csv', sha256: 'a', sheet: '', cell: '3', raw: '600' } });
    const again = { ...first, source: { ...first.source!, cell: '4' } };
    const other = obs({ ref_area: 'ARM', table: 'T04', partner: 'KAZ', obs_value: 5 });
    expect(publishedObservations([other, first, again], codelists)).toEqual({ observations: [other, first], origins: Int32Array.of(0, 1) });
    expect(publishedObservations([again, other, first], codelists)).toEqual({ observations: [other, again], origins: Int32Array.of(1, 0) });
  });

  it('keep both of two neighbours that compare equal but differ in an unknown sex: two keys', () => {
    // the order ranks every sex outside the code list alike, so such neighbours compare equal (no
    // valid observation has one, but the choice must not merge two keys whatever it is given)
    const one = obs({ ref_area: 'ARM', table: 'T04', partner: '_T', sex: 'X1' as Observation['sex'], obs_value: 10 });
    const other = { ...one, sex: 'X2' as Observation['sex'], obs_value: 11, derived: true };
    const shadowed = { ...one, obs_value: 12, derived: true };
    expect(publishedObservations([one, other, shadowed], codelists)).toEqual({ observations: [one, other], origins: Int32Array.of(0, 1) });
    expect(publishedObservations([shadowed, one], codelists)).toEqual({ observations: [one], origins: Int32Array.of(1) });
    expect(publishedObservations([shadowed, { ...shadowed, obs_value: 13 }], codelists).origins).toEqual(Int32Array.of(0, 1));
  });

  it('are, for observations in published order (neighbours compared), those matched by key', () => {
    // the definition, by key: what the in-order path must give on any observations
    const byKey = (list: Observation[]) => {
      const reported = new Set(list.filter((o) => !o.derived).map(observationKey));
      const firstOf = new Map<string, Observation>();
      for (const o of list) if (!o.derived && !firstOf.has(observationKey(o))) firstOf.set(observationKey(o), o);
      return [...list.filter((o) => (o.derived ? !reported.has(observationKey(o)) : firstOf.get(observationKey(o)) === o))].sort(compareObservations(ageOrder(codelists)));
    };
    for (let seed = 1; seed <= 60; seed++) {
      const { sorted, shuffled } = randomObservations(seed, 40, ageOrder(codelists));
      for (const list of [sorted, shuffled]) {
        const { observations, origins } = publishedObservations(list, codelists);
        expect(observations, `seed ${seed}`).toEqual(byKey(list));
        // each published observation is the harmonised one its origin names (the suppressed ones a copy of it)
        expect(observations.every((o, i) => o === list[origins[i]!] || o.conf_status !== 'F'), `seed ${seed}`).toBe(true);
        expect([...origins].map((k) => observationKey(list[k]!)), `seed ${seed}`).toEqual(observations.map(observationKey));
      }
    }
  });
});
