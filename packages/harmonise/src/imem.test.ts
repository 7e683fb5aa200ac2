import { describe, expect, it } from 'vitest';
import { roundedProduct } from './imem';

describe('IMEM estimates', () => {
  it('round the decimal product, not its binary neighbour: 2 325 × 2.26 = 5 254.5 is 5 255', () => {
    expect(2325 * 2.26).toBeLessThan(5254.5); // what Math.round took down to 5 254
    expect(roundedProduct(2325, 2.26)).toBe(5255);
  });

  it('agree with exact decimal arithmetic for every coefficient and value', () => {
    for (const [c, scaled] of [[0.53, 53], [0.63, 63], [0.73, 73], [2.26, 226], [1, 100]] as const) {
      for (let v = 0; v <= 5000; v++) {
        const hundredths = v * scaled; // the exact product × 100
        const expected = Math.floor(hundredths / 100) + (hundredths % 100 >= 50 ? 1 : 0);
        if (roundedProduct(v, c) !== expected) throw new Error(`${v} × ${c}: ${roundedProduct(v, c)}, expected ${expected}`);
      }
    }
  });
});
