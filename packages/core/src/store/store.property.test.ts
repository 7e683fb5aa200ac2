import { describe, expect, it } from 'vitest';
import { CONF_STATUS_CODES, OBS_STATUS_CODES, SEX_CODES } from '../codes';
import type { Observation } from '../observation';
import { mulberry32 } from '../random';
import { deserialiseStore, serialiseStore } from './binary';
import { ObservationStore } from './store';

/**
 * Generated observations, seeded: every field drawn from a few likely values and from arbitrary
 * text (separators, quotes, surrogates, NUL), numbers from edge cases (-0, fractions, 2^53, huge)
 * and cells from A1 references, line numbers and anything else.
 */
function generator(seed: number) {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chars = ['a', 'Я', '\t', ';', ',', '"', ' ', '0', '9', '-', '\u0000', '\uD83D\uDE00', '\u202E', '\n', '|'];
  const text = () => Array.from({ length: int(12) }, () => pick(chars)).join('');
  const maybe = (likely: readonly string[]) => (rnd() < 0.7 ? pick(likely) : text());
  const numbers = [0, -0, 1, 7, 12.5, 1 / 3, 2 ** 53, -(2 ** 53), 1e300, 5e-324, -12];
  const value = () => (rnd() < 0.1 ? null : rnd() < 0.5 ? pick(numbers) : int(10_000_000));
  const cell = () => pick([`${pick(['A', 'C', 'AB', 'XFD'])}${1 + int(1_000_000)}`, String(int(300_000)), text(), '0', '01', 'A01']);
  return (): Observation => {
    const obs_value = value();
    const field = (v: string) => (rnd() < 0.5 ? String(obs_value ?? '') : v);
    const raw = pick([
      () => String(obs_value ?? ''),
      () => ['BLR', 'T01', '2009', '', field('x'), text()].join(pick(['\t', ';', ','])),
      () => text(),
      () => field(text()),
    ])();
    const o: Observation = {
      ref_area: maybe(['ARM', 'BLR', 'KAZ']),
      table: maybe(['T01', 'T04', 'T11']),
      time_period: pick([2009, 2012, 0, -1, 2 ** 31, -(2 ** 53)]),
      migr_type: pick(['', 'LT', 'ST', 'NAT'] as const),
      sex: pick(SEX_CODES),
      age: maybe(['', '_T', 'Y15T19']),
      partner: maybe(['', 'RUS', 'OTH', '_T']),
      obs_value,
      obs_status: pick(OBS_STATUS_CODES),
      conf_status: pick(CONF_STATUS_CODES),
      definition_basis: pick(['', 'UN_LT12', 'PERM_REG'] as const),
      unit_mult: pick([0, 3] as const),
      derived: rnd() < 0.3,
      note_refs: rnd() < 0.6 ? [] : Array.from({ length: 1 + int(3) }, text),
      source: rnd() < 0.2 ? null : { file: maybe(['data/raw/a.xlsx', 'b.csv']), sha256: maybe(['ab'.repeat(32)]), sheet: maybe(['', 'T01']), cell: cell(), raw },
    };
    if (rnd() < 0.3) o.parent = maybe(['OTH', 'FSU15']);
    if (rnd() < 0.6) o.reference_date = maybe(['2009-01-01']);
    if (rnd() < 0.6) o.territory = text();
    return o;
  };
}

describe('ObservationStore, generated observations', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives back exactly what was appended, also after serialising (seed ${seed})`, () => {
      const next = generator(seed);
      const list = Array.from({ length: 2_000 }, next);
      const store = new ObservationStore().appendAll(list);
      const back = deserialiseStore(serialiseStore(store));
      for (const [i, o] of list.entries()) {
        // toStrictEqual tells -0 from 0; the JSON text checks the key order as well
        expect(store.get(i)).toStrictEqual(o);
        expect(back.get(i)).toStrictEqual(o);
        expect(JSON.stringify(back.get(i))).toBe(JSON.stringify(o));
      }
      expect(serialiseStore(back)).toEqual(serialiseStore(store));
    });
  }

  it('notices a damaged value: the check itself can fail', () => {
    const list = Array.from({ length: 50 }, generator(9));
    const store = new ObservationStore().appendAll(list);
    store.value.data[7] = 123.456;
    expect(() => {
      for (const [i, o] of list.entries()) expect(store.get(i)).toStrictEqual(o);
    }).toThrow();
  });
});
