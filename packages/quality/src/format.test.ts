import { describe, expect, it } from 'vitest';
import { pct, pctOf } from './format';

describe('percentages in messages', () => {
  it('are rounded once and half up from the counts', () => {
    // 201 of 400 is 50.25 % exactly; the binary quotient is 0.50249…, which pct takes down
    expect(pct(201 / 400)).toBe('50.2 %');
    expect(pctOf(201, 400)).toBe('50.3 %');
    expect(pctOf(1583, 2000)).toBe('79.2 %');
    expect(pctOf(20711, 26166)).toBe('79.2 %');
    expect(pctOf(1, 3)).toBe('33.3 %');
    expect(pctOf(0, 0)).toBe('0 %');
  });
});
