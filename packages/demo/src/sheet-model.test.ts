import { describe, expect, it } from 'vitest';
import type { CellMark } from './plan';
import { renderValue } from './sheet-model';
import { STYLES } from './styles';

const ukr = STYLES.UKR!;
const arm = STYLES.ARM!;
const mark = (kind: CellMark['kind'], symbol: string): CellMark => ({ table: 'T04', kind, symbol });

describe('renderValue', () => {
  it('writes thousands with one decimal after a comma, never three digits after a separator', () => {
    expect(renderValue(45963200, undefined, ukr, true)).toBe('45963,2');
    expect(renderValue(300, undefined, ukr, true)).toBe('0,3');
    expect(renderValue(0, undefined, ukr, true)).toBe('-');
  });

  it('stores large numbers as text with the office separator and keeps small ones numeric', () => {
    expect(renderValue(12345, undefined, ukr, false)).toBe('12\u00a0345');
    expect(renderValue(999, undefined, ukr, false)).toBe(999);
    expect(renderValue(12345, undefined, arm, false)).toBe(12345);
  });

  it('replaces or marks values as the mark says', () => {
    expect(renderValue(10, mark('confidential', 'к'), arm, false)).toBe('к');
    expect(renderValue(10, mark('missing', '..'), arm, false)).toBe('..');
    expect(renderValue(1234, mark('provisional', '*'), arm, false)).toBe('1 234*');
    expect(renderValue(1234, mark('footnote', '¹'), arm, false)).toBe('1 234¹');
    expect(renderValue(0, undefined, arm, false)).toBe('-');
  });
});
