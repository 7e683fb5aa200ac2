import { type Observation, compareObservations } from '@mch/core';
import { obs } from './fixture';

/** A seeded generator of observations over a small key space, for the in-order and any-order paths. */
export function randomObservations(seed: number, n: number, ageOrder: ReadonlyMap<string, number> = new Map()): { sorted: Observation[]; shuffled: Observation[] } {
  let s = seed;
  const next = (k: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % k;
  };
  // sexes outside the code list compare equal to each other: the in-order paths must notice
  const sexes = ['_T', 'M', 'F', 'X', 'Y'];
  const list: Observation[] = [];
  for (let i = 0; i < n; i++) {
    list.push(
      obs({
        ref_area: ['ARM', 'GEO'][next(2)]!,
        table: ['T04', 'T07'][next(2)]!,
        partner: ['RUS', 'KAZ', '_T'][next(3)]!,
        time_period: 2010 + next(3),
        sex: sexes[next(next(8) === 0 ? 5 : 3)]! as Observation['sex'],
        obs_value: next(4),
        obs_status: (['A', 'E'] as const)[next(2)]!,
        derived: next(3) === 0,
      }),
    );
  }
  const sorted = [...list].sort(compareObservations(ageOrder));
  const shuffled = [...list];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return { sorted, shuffled };
}
