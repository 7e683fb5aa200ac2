import { toCsv } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { csvPieces } from './csv-pieces';

// fields that need quoting, guarding or neither, and text beyond ASCII
const FIELDS = ['', 'ARM', '12', '-3', '=SUM(A1)', '+x', '@a', 'a,b', 'say "hi"', 'two\nlines', 'Ереван', '\tx', '-'];

function rows(n: number, seed: number): string[][] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s;
  };
  return Array.from({ length: n }, () => Array.from({ length: 4 }, () => FIELDS[next() % FIELDS.length]!));
}

describe('CSV in pieces', () => {
  it('gives the bytes of toCsv, whatever the number of rows per piece', () => {
    const header = ['a', 'b', 'c', 'd'];
    for (const [n, per] of [
      [0, 3],
      [1, 3],
      [3, 3],
      [7, 3],
      [100, 1],
      [100, 7],
      [100, 1000],
    ] as const) {
      const list = rows(n, n + per);
      const pieces = [...csvPieces(header, list.length, (i) => list[i]!, per)];
      expect(Buffer.concat(pieces).toString('utf8'), `${n} rows, ${per} a piece`).toBe(toCsv(header, list));
      expect(pieces).toHaveLength(Math.max(1, Math.ceil(n / per)));
    }
  });

  it('writes more rows than one string can hold in pieces no longer than their rows', () => {
    // 2^29 characters is V8's longest string: 3 million rows of 200 characters would not fit in one
    const wide = ['x'.repeat(199)];
    let rowsMade = 0;
    const pieces = [
      ...csvPieces(['h'], 3_000_000, () => {
        rowsMade++;
        return wide;
      }),
    ];
    expect(rowsMade).toBe(3_000_000);
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(2 + 3_000_000 * 200);
    expect(pieces.reduce((m, p) => Math.max(m, p.length), 0)).toBeLessThan(2 ** 29 / 64);
  }, 60_000);

  it('makes each piece only when it is read, so a writer holds one piece at a time', () => {
    let rowsMade = 0;
    const pieces = csvPieces(['h'], 10, () => {
      rowsMade++;
      return ['x'];
    }, 4)[Symbol.iterator]();
    expect(rowsMade).toBe(0);
    pieces.next();
    expect(rowsMade).toBe(4);
    pieces.next();
    pieces.next();
    expect(rowsMade).toBe(10);
    expect(pieces.next().done).toBe(true);
  });
});
