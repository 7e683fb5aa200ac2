import { describe, expect, it } from 'vitest';
import { apportion, splitMen } from './apportion';

describe('apportion', () => {
  it('gives whole parts that add up to the total', () => {
    const parts = apportion(1001, [1, 1, 1]);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(1001);
    expect(parts).toEqual([334, 334, 333]);
  });

  it('respects caps and units', () => {
    expect(splitMen([10, 1000], 500, [0.9, 0.1])).toEqual([10, 490]);
    expect(apportion(1000, [1, 2], undefined, 100)).toEqual([300, 700]);
  });

  it('refuses a total the caps cannot hold', () => {
    expect(() => apportion(10, [1, 1], [3, 3])).toThrow(/exceeds the caps/);
  });
});
