import { describe, expect, it } from 'vitest';
import { groupBy } from './group';

describe('groupBy', () => {
  it('keeps the items of each key in their order, keys in the order first seen, the items themselves', () => {
    const a = { k: 'b', n: 1 };
    const groups = groupBy([a, { k: 'a', n: 2 }, { k: 'b', n: 3 }], (x) => x.k);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((x) => x.n)).toEqual([1, 3]);
    expect(groups.get('b')![0]).toBe(a);
  });
});
