import { toCsv } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { csvPieces } from './csv-pieces';

// fields that need quoting, guarding or neither, text beyond ASCII, and fields long enough to be copied by Node (a hash)
const FIELDS = ['', 'ARM', '12', '-3', '=SUM(A1)', '+x', '@a', 'a,b', 'say "hi"', 'two\nlines', 'Ереван', '\tx', '-', 'ab'.repeat(32), '"q",'.repeat(15), 'Ё'.repeat(50), '\r'];

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

  it('gives the bytes of toCsv on rows in key order, ragged rows and any header width', () => {
    // key order: the first fields repeat over many rows and change from the last one inwards, which
    // is what the line writer takes the start of the line above for; ragged rows and empty ones too
    let s = 7;
    const next = (n: number) => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s % n;
    };
    for (const width of [0, 1, 2, 5]) {
      const header = Array.from({ length: width }, (_, i) => `h${i}`);
      const list: string[][] = [];
      let row = Array.from({ length: width }, () => FIELDS[next(FIELDS.length)]!);
      for (let i = 0; i < 400; i++) {
        row = [...row];
        if (width) row[width - 1 - next(width)] = FIELDS[next(FIELDS.length)]!;
        const shape = next(10);
        // a shorter row with another first field: what the rows after it repeat is its start, not the full row's before
        const short = row.slice(0, next(width + 1)).map((f, k) => (k === 0 ? FIELDS[next(FIELDS.length)]! : f));
        list.push(shape === 0 ? [] : shape === 1 ? short : shape === 2 ? [...row, FIELDS[next(FIELDS.length)]!] : row);
      }
      expect(Buffer.concat([...csvPieces(header, list.length, (i) => list[i]!, 37)]).toString('utf8'), `width ${width}`).toBe(toCsv(header, list));
    }
    // the row after a shorter one starts as the shorter one did, and then as the full row before it
    const after = [['a', 'b', 'c'], ['x'], ['x', 'b', 'c']];
    expect(Buffer.concat([...csvPieces(['h1', 'h2', 'h3'], after.length, (i) => after[i]!)]).toString('utf8')).toBe('h1,h2,h3\na,b,c\nx\nx,b,c\n');
  });

  it('gives the bytes of toCsv when a field is larger than a piece, in the middle of a line', () => {
    const huge = `${'Ж'.repeat(700_000)},${'y'.repeat(900_000)}`;
    const list = [
      ['a', 'b', 'c'],
      ['a', huge, 'c'],
      ['a', huge, 'd'],
      ['a', 'b', huge],
      ['a', 'b', huge],
    ];
    for (const per of [1, 2, 10]) {
      expect(Buffer.concat([...csvPieces(['h1', 'h2', 'h3'], list.length, (i) => list[i]!, per)]).toString('utf8'), `${per} a piece`).toBe(toCsv(['h1', 'h2', 'h3'], list));
    }
  });

  it('keeps no piece in a buffer more than twice its size, after a huge line too', () => {
    const rows = [['x'.repeat(3_000_000)], ...Array.from({ length: 300 }, (_, i) => [`row ${i}`.repeat(i % 7 === 0 ? 2000 : 1)])];
    const pieces = [...csvPieces(['h'], rows.length, (i) => rows[i]!, 1)];
    expect(Buffer.concat(pieces).toString('utf8')).toBe(toCsv(['h'], rows));
    // a piece Node put in its shared pool (under 4 KB) shares that pool's 8 KB
    for (const p of pieces) expect(p.length < 4096 || p.buffer.byteLength <= 2 * p.length, `a piece of ${p.length} bytes in ${p.buffer.byteLength}`).toBe(true);
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
