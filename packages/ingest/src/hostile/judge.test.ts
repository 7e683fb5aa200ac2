import type { FileSummary } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { type Seen, judge, look } from './judge';
import { file, text } from './make';
import type { Expect } from './types';

// The oracle of the corpus test, shown each failure it exists to catch beside an outcome it passes.
const summary = (value_cells: number, observations: number, rejections: number, warnings: string[] = []): FileSummary => ({
  file: 'f.xlsx',
  sha256: '',
  ref_area: 'ARM',
  format: 'xlsx',
  value_cells,
  observations,
  rejections,
  tables: [],
  ignored_sheets: [],
  hidden_sheets: [],
  warnings,
});
const read = (v: number, o: number, r: number, more: Partial<Seen & { kind: 'read' }> = {}): Seen => ({ ms: 5, kind: 'read', summary: summary(v, o, r), lengths: [o, r], inert: true, lines: ['x'], ...more });
const refused = (message: string, where = 'f.xlsx'): Seen => ({ ms: 5, kind: 'refused', message, where });
const f = (expect: Expect) => ({ ...file('valid', 'f', 'xlsx', () => new Uint8Array(), expect), name: 'f.xlsx' });

describe('the corpus oracle', () => {
  const wantRead = f({ outcome: 'read', valueCells: 60, rejections: 1, warning: 'merged' });
  const wantRefusal = f({ outcome: 'refused', place: 'T04!C7' });

  it('passes a full read and a refusal naming the file and place', () => {
    expect(judge(wantRead, read(60, 59, 1, { summary: summary(60, 59, 1, ['f.xlsx: merged range']) }), new Map())).toBeUndefined();
    expect(judge(wantRefusal, refused('f.xlsx cannot be read: two cells at C7', 'f.xlsx#T04!C7'), new Map())).toBeUndefined();
  });

  it('catches vanished value cells, broken accounting, a wrong count of rejections, a missing warning', () => {
    const warned = (s: FileSummary) => ({ summary: { ...s, warnings: ['merged'] } });
    expect(judge(wantRead, read(59, 58, 1, warned(summary(59, 58, 1))), new Map())).toBe('59 value cells read, 60 written');
    expect(judge(wantRead, read(60, 58, 1, warned(summary(60, 58, 1))), new Map())).toBe('accounting broken: 60 value cells, 58 observations, 1 rejections');
    expect(judge(wantRead, read(60, 60, 0, warned(summary(60, 60, 0))), new Map())).toBe('0 rejections, 1 expected');
    expect(judge(wantRead, read(60, 59, 1), new Map())).toBe('no warning "merged" among: none');
  });

  it('catches crashes, hangs, live control characters, and refusals that name neither file nor place', () => {
    expect(judge(wantRead, { ms: 1, kind: 'crashed', message: 'RangeError: Maximum call stack size exceeded' }, new Map())).toBe('crashed: RangeError: Maximum call stack size exceeded');
    expect(judge(wantRead, { ...read(60, 59, 1), ms: 20_000 }, new Map())).toBe('took 20000 ms');
    expect(judge(wantRead, read(60, 59, 1, { inert: false }), new Map())).toBe('a control or bidi character came through into the result');
    expect(judge(wantRefusal, refused('cannot be read'), new Map())).toMatch(/^refused without naming the file/u);
    expect(judge(wantRefusal, refused('f.xlsx cannot be read', 'f.xlsx'), new Map())).toMatch(/^refused without naming T04!C7/u);
    expect(judge(wantRead, refused('f.xlsx cannot be read'), new Map())).toMatch(/^refused, but should be read/u);
    expect(judge(wantRefusal, read(60, 60, 0), new Map())).toBe('read (60 value cells), but should be refused');
  });

  it('holds a damaged copy to its base: refused, or read exactly alike (or, for .xls, as many cells)', () => {
    const base = new Map([['b.xlsx', read(60, 60, 0, { lines: ['T04 2011 … 5'] })]]);
    const same = f({ outcome: 'refused-or-same', base: 'b.xlsx' });
    const count = f({ outcome: 'refused-or-count', base: 'b.xlsx' });
    expect(judge(same, refused('f.xlsx is damaged'), base)).toBeUndefined();
    expect(judge(same, read(60, 60, 0, { lines: ['T04 2011 … 5'] }), base)).toBeUndefined();
    expect(judge(same, read(60, 60, 0, { lines: ['T04 2011 … 7'] }), base)).toBe('read differently from the undamaged file, without a refusal');
    expect(judge(count, read(60, 60, 0, { lines: ['T04 2011 … 7'] }), base)).toBeUndefined();
    expect(judge(count, read(4, 4, 0), base)).toBe('4 value cells read, the undamaged file has 60');
  });

  it('looks at real files: an unclassified error is a crash, a refusal keeps its message and place', async () => {
    const notXlsx = { ...f({ outcome: 'refused' }), bytes: () => text('TABLE,SEX\nT04,M\n') };
    expect(await look(notXlsx)).toMatchObject({ kind: 'refused', where: 'f.xlsx' });
    const thrower = { ...f({ outcome: 'refused' }), bytes: (): Uint8Array => ({ length: 3 }) as unknown as Uint8Array };
    expect(await look(thrower)).toMatchObject({ kind: 'crashed' });
  });
});
