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
    expect(publishedObservations([reported, shadowed, alone], codelists)).toEqual([alone, reported]);
    expect(publishedObservations([shadowed, alone, reported], codelists)).toEqual([alone, reported]);
  });

  it('are, for observations in published order (neighbours compared), those matched by key', () => {
    // the definition, by key: what the in-order path must give on any observations
    const byKey = (list: Observation[]) => {
      const reported = new Set(list.filter((o) => !o.derived).map(observationKey));
      return [...list.filter((o) => !o.derived || !reported.has(observationKey(o)))].sort(compareObservations(ageOrder(codelists)));
    };
    for (let seed = 1; seed <= 60; seed++) {
      const { sorted, shuffled } = randomObservations(seed, 40, ageOrder(codelists));
      expect(publishedObservations(sorted, codelists), `seed ${seed}`).toEqual(byKey(sorted));
      expect(publishedObservations(shuffled, codelists), `seed ${seed}`).toEqual(byKey(shuffled));
    }
  });
});
