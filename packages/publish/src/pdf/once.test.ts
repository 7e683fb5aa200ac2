import { describe, expect, it } from 'vitest';
import { OncePerList } from './once';

describe('OncePerList', () => {
  it('makes a pass once per list and key, and again for another list or key', () => {
    const once = new OncePerList<number[], number>();
    let passes = 0;
    const sum = (list: number[], key: string) => once.of(list, key, () => {
        passes++;
        return list.reduce((a, b) => a + b, 0);
      });
    const list = [1, 2, 3];
    expect([sum(list, 'a'), sum(list, 'a')]).toEqual([6, 6]);
    expect(passes).toBe(1);
    // the same values in another list, or another key: passes of their own
    expect(sum([1, 2, 3], 'a')).toBe(6);
    expect(sum(list, 'b')).toBe(6);
    expect(passes).toBe(3);
  });
});
