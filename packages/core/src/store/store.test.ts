import { describe, expect, it } from 'vitest';
import type { Observation } from '../observation';
import { deserialiseStore, serialiseStore } from './binary';
import { ObservationStore } from './store';

const xlsx: Observation = {
  ref_area: 'ARM',
  table: 'T01',
  time_period: 2009,
  migr_type: '',
  sex: '_T',
  age: '',
  partner: 'AZE',
  obs_value: 0,
  obs_status: 'A',
  conf_status: 'F',
  definition_basis: 'REGISTER_STOCK',
  unit_mult: 0,
  derived: false,
  note_refs: [],
  source: { file: 'data/raw/2011/ARM_questionnaire_2011.xlsx', sha256: 'ab'.repeat(32), sheet: 'T01', cell: 'C7', raw: '-' },
  reference_date: '2009-01-01',
  territory: 'Whole territory of the country',
};

const csv: Observation = {
  ...xlsx,
  ref_area: 'BLR',
  partner: 'ARM',
  obs_value: 9243,
  note_refs: ['1', 'a'],
  source: { file: 'data/raw/2011/BLR_2011_long.csv', sha256: 'cd'.repeat(32), sheet: '', cell: '2', raw: 'BLR\tT01\t2009\t\tВсего\t\tАрмения\t9243' },
  parent: 'OTH',
};

const derived: Observation = { ...xlsx, sex: 'M', obs_value: 12.5, unit_mult: 3, derived: true, source: null, reference_date: undefined, territory: undefined };

describe('ObservationStore', () => {
  it('gives back every field of what was appended, optional fields only where set', () => {
    const store = new ObservationStore().appendAll([xlsx, csv, derived]);
    expect(store.length).toBe(3);
    expect(store.get(0)).toStrictEqual(xlsx);
    expect(store.get(1)).toStrictEqual(csv);
    const { reference_date: _, territory: __, ...plain } = derived;
    expect(store.get(2)).toStrictEqual(plain);
    expect('reference_date' in store.get(2)).toBe(false);
  });

  it('gives the source by origin alone on asking: shared, without cell, the raw text of a zero kept', () => {
    const store = new ObservationStore().appendAll([xlsx, csv, { ...csv, partner: 'AZE', source: { ...csv.source!, cell: '3' } }, derived]);
    const [zero, first, second, none] = [0, 1, 2, 3].map((i) => store.get(i, 'origin'));
    // a zero's raw text may be a dash, which publish shows
    expect(zero!.source).toStrictEqual({ ...xlsx.source, cell: '' });
    expect(first!.source).toStrictEqual({ file: csv.source!.file, sha256: csv.source!.sha256, sheet: '', cell: '', raw: '' });
    expect(second!.source).toBe(first!.source);
    expect(Object.isFrozen(first!.source)).toBe(true);
    expect(none!.source).toBeNull();
    const { source: _, ...rest } = store.get(1);
    expect(first).toStrictEqual({ ...rest, source: first!.source });
    // and the whole source on its own, for the rows that keep only their origin
    expect([0, 1, 2, 3].map((i) => store.source(i))).toStrictEqual([xlsx.source, csv.source, { ...csv.source, cell: '3' }, null]);
  });

  it('reads by index as a list does (Rows): each row rebuilt, undefined outside', () => {
    const list = [xlsx, derived, csv];
    const store = new ObservationStore().appendAll(list);
    for (const rows of [list, store] as const) {
      expect(rows.length).toBe(3);
      expect([0, 1, 2].map((i) => rows.at(i))).toEqual(list);
      expect([rows.at(3), rows.at(-4)]).toEqual([undefined, undefined]);
    }
  });

  it('counts the derived rows on its flags', () => {
    expect(new ObservationStore().appendAll([xlsx, csv]).countDerived()).toBe(0);
    expect(new ObservationStore().appendAll([xlsx, derived, csv, derived]).countDerived()).toBe(2);
  });

  it('keeps the key order ingest and harmonise give, so JSON of a rebuilt observation is the same text', () => {
    const store = new ObservationStore().appendAll([xlsx, csv]);
    expect(JSON.stringify(store.get(0))).toBe(JSON.stringify(xlsx));
    const { parent, reference_date, territory, ...rest } = csv;
    expect(JSON.stringify(store.get(1))).toBe(JSON.stringify({ ...rest, parent, reference_date, territory }));
  });

  it('keeps a CSV row as field numbers and a value cell whose text is its value as nothing', () => {
    const store = new ObservationStore();
    for (let i = 0; i < 1000; i++) {
      const raw = `BLR\tT01\t2009\t\tВсего\t\tАрмения\t${i}`;
      store.append({ ...csv, obs_value: i, source: { ...csv.source!, cell: String(i + 2), raw } });
      store.append({ ...xlsx, obs_value: i, source: { ...xlsx.source!, cell: `C${i + 6}`, raw: String(i) } });
    }
    // the fields repeat and the last is the value's rendering: six distinct texts for 2 000 rows
    expect(store.raw.texts.size).toBe(6);
    expect(store.get(1998).source?.raw).toBe('BLR\tT01\t2009\t\tВсего\t\tАрмения\t999');
    expect(store.get(1999).source).toStrictEqual({ ...xlsx.source, cell: 'C1005', raw: '999' });
  });

  it('stores cells it cannot number as text, and numbers A1 cells up to XFD', () => {
    const cells = ['A1', 'XFD1048576', 'ZZZ999999999', '0', '12', '007', 'A0', 'sheet!B2', '', '4294967296', 'c6', 'AAAA1', 'A', 'B2 '];
    const store = new ObservationStore().appendAll(cells.map((cell) => ({ ...xlsx, source: { ...xlsx.source!, cell } })));
    expect(store.toArray().map((o) => o.source?.cell)).toEqual(cells);
    expect(store.cellText.values).toEqual(['007', 'A0', 'sheet!B2', '', '4294967296', 'c6', 'AAAA1', 'A', 'B2 ']);
  });

  it('widens a code column past 255 and 65 535 distinct codes without losing the earlier rows', () => {
    const store = new ObservationStore();
    for (let i = 0; i < 70_000; i++) store.append({ ...xlsx, partner: `P${i}` });
    expect(store.coded.partner.codes.width).toBe(4);
    expect(store.coded.table.codes.width).toBe(1);
    expect(store.get(0).partner).toBe('P0');
    expect(store.get(300).partner).toBe('P300');
    expect(store.get(69_999).partner).toBe('P69999');
  });

  it('refuses what it could not give back exactly', () => {
    const store = new ObservationStore();
    expect(() => store.append({ ...xlsx, time_period: -0 })).toThrow(RangeError);
    expect(() => store.append({ ...xlsx, time_period: 2009.5 })).toThrow(RangeError);
    expect(() => store.append({ ...xlsx, unit_mult: 6 as 0 })).toThrow(RangeError);
    expect(store.length).toBe(0);
    expect(() => store.get(0)).toThrow(RangeError);
  });

  it('hands out one frozen note list per distinct list', () => {
    const store = new ObservationStore().appendAll([csv, { ...csv, note_refs: ['1', 'a'] }, xlsx]);
    expect(store.get(0).note_refs).toBe(store.get(1).note_refs);
    expect(Object.isFrozen(store.get(2).note_refs)).toBe(true);
  });

  it('finds the rows of each country in a sorted store, and refuses an unsorted one', () => {
    const store = new ObservationStore().appendAll([xlsx, xlsx, csv]);
    expect([...store.countryRanges()]).toEqual([
      ['ARM', { start: 0, end: 2 }],
      ['BLR', { start: 2, end: 3 }],
    ]);
    expect(store.slice(2).toArray()).toStrictEqual([csv]);
    expect(() => new ObservationStore().appendAll([xlsx, csv, xlsx]).countryRanges()).toThrow(/not contiguous/);
  });

  it('is far smaller than the objects it replaces', () => {
    const store = new ObservationStore();
    for (let i = 0; i < 10_000; i++) store.append({ ...csv, obs_value: i, source: { ...csv.source!, cell: String(i + 2), raw: `BLR\tT01\t2009\t\tВсего\t\tАрмения\t${i}` } });
    const { columns, dictionaries } = store.byteLength();
    expect((columns + dictionaries) / store.length).toBeLessThan(100);
  });
});

describe('ObservationStore at 10⁶ rows', () => {
  it('takes a million rows of one file, serialises and reads them back, with no argument-size limit on the way', () => {
    const n = 1_000_000;
    const store = new ObservationStore();
    const partners = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'OTH'];
    for (let i = 0; i < n; i++) {
      const partner = partners[i % partners.length]!;
      const raw = `BLR,T04,${2000 + (i % 20)},NAT,M,,${partner},${i}`;
      store.append({ ...csv, time_period: 2000 + (i % 20), partner, obs_value: i, note_refs: [], parent: undefined, source: { ...csv.source!, cell: String(i + 2), raw } });
    }
    const back = deserialiseStore(serialiseStore(store));
    expect(back.length).toBe(n);
    for (const i of [0, 1, 654_321, n - 1]) expect(back.get(i)).toStrictEqual(store.get(i));
    expect(back.get(n - 1).source?.raw).toBe(`BLR,T04,2019,NAT,M,,GEO,${n - 1}`);
    const { columns, dictionaries } = store.trim().byteLength();
    expect((columns + dictionaries) / n).toBeLessThan(60);
  }, 60_000);
});

describe('serialiseStore', () => {
  it('round-trips a store, and gives the same bytes for the same observations', () => {
    const store = new ObservationStore().appendAll([xlsx, csv, derived]);
    const bytes = serialiseStore(store);
    const back = deserialiseStore(bytes);
    expect(back.toArray()).toStrictEqual(store.toArray());
    expect(serialiseStore(back)).toEqual(bytes);
    expect(serialiseStore(new ObservationStore().appendAll([xlsx, csv, derived]))).toEqual(bytes);
  });

  it('reads bytes at any offset of a larger buffer, as a file read into a Buffer gives them', () => {
    const store = new ObservationStore().appendAll([xlsx, csv, derived]);
    const inPool = Buffer.concat([Buffer.from([1, 2, 3]), serialiseStore(store)]).subarray(3);
    expect(deserialiseStore(inPool).toArray()).toStrictEqual(store.toArray());
  });

  it('lets a deserialised store take further rows with the same codes', () => {
    const back = deserialiseStore(serialiseStore(new ObservationStore().appendAll([xlsx])));
    back.append(csv);
    back.append(xlsx);
    expect(back.coded.ref_area.dict.values).toEqual(['ARM', 'BLR']);
    expect(back.toArray()).toStrictEqual(new ObservationStore().appendAll([xlsx, csv, xlsx]).toArray());
  });

  it('refuses bytes that are not a whole store: wrong signature, cut short, trailing, damaged', () => {
    const bytes = serialiseStore(new ObservationStore().appendAll([xlsx, csv]));
    expect(() => deserialiseStore(new TextEncoder().encode('hello world, not a store'))).toThrow(RangeError);
    expect(() => deserialiseStore(bytes.subarray(0, bytes.length - 3))).toThrow(RangeError);
    expect(() => deserialiseStore(Uint8Array.of(...bytes, 0))).toThrow(RangeError);
    const damaged = bytes.slice();
    damaged[12] = 0xff; // the first dictionary's length
    expect(() => deserialiseStore(damaged)).toThrow(RangeError);
  });
});

describe('RawText', () => {
  it('does not take the row before`s value field for this row`s text', () => {
    const row = (value: number, text: string): Observation => ({ ...csv, obs_value: value, source: { ...csv.source!, raw: `BLR\tT01\t${text}` } });
    // row 1's last field is its value "5"; row 2 has the text "5" in the same place and the value 6
    const list = [row(5, '5'), row(6, '5'), row(6, '6')];
    expect(new ObservationStore().appendAll(list).toArray()).toStrictEqual(list);
  });
});
