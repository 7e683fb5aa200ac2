import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, forEachRecord } from './records';
import { tokenize } from './tokenize';

// the characters that break CSV files, each delimiter, and text around them
const chunk = fc.constantFrom('a', 'bc', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '\u0000', 'é', 'Я', '😀');
const hostileText = fc.array(chunk, { maxLength: 80 }).map((c) => c.join(''));

function byCsvParse(text: string, delimiter: string): string[][] | 'unclosed' {
  const out: string[][] = [];
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (r: string[]) => {
        out.push(r);
        return null;
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return 'unclosed';
    throw e;
  }
  return out;
}

function byTokenize(text: string, delimiter: string): string[][] | 'unclosed' {
  const out: string[][] = [];
  const raws: (string | undefined)[] = [];
  const r = tokenize(text, delimiter, (fields, raw) => {
    out.push(fields);
    raws.push(raw);
  });
  // a record handed over with its line is that line, split
  for (const [i, raw] of raws.entries()) if (raw !== undefined) expect(raw.split(delimiter)).toEqual(out[i]);
  return r.unclosed === undefined ? out : 'unclosed';
}

describe('property: tokenize splits records as csv-parse does', () => {
  it('the same records, fields and refusals over hostile text, for each delimiter', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(',', ';', '\t'), (text, d) => {
        expect(byTokenize(text, d)).toEqual(byCsvParse(text, d));
      }),
      { numRuns: 5000 },
    );
  });

  it('catches what it is there to catch: quotes that close early, late or never', () => {
    // each case once by hand, so a failing property has a readable neighbour
    const cases: [string, string[][] | 'unclosed'][] = [
      ['a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
      ['"a,b",c\r\n"x""y",z', [['a,b', 'c'], ['x"y', 'z']]],
      ['a"b,c\n', [['a"b', 'c']]],
      ['"ab"c,d\n', [['"ab"c', 'd']]],
      ['"a""b"c\n', [['"a"b"c']]],
      ['"ab"\u0000c,d', [['ab\u0000c', 'd']]],
      ['"two\nlines",x\n\n', [['two\nlines', 'x'], ['']]],
      ['a,"never\nclosed\n', 'unclosed'],
      ['\r\r\n', [[''], ['']]],
    ];
    for (const [text, want] of cases) {
      expect(byCsvParse(text, ',')).toEqual(want);
      expect(byTokenize(text, ',')).toEqual(want);
    }
  });
});

describe('property: no record is lost or moved', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', ',', ';', '"', '\u0000', '1'), maxLength: 8 });
  const note = fc.string({ unit: fc.constantFrom('n', ' ', '"', '\n', '\r\n'), maxLength: 8 });
  const quoteIfNeeded = (f: string, d: string) => (/["\r\n]/u.test(f) || f.includes(d) ? `"${f.replace(/"/gu, '""')}"` : f);

  it('records written per RFC 4180 (line breaks in NOTE) come back field for field, each at its first physical line', () => {
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), fc.array(fc.tuple(fc.array(text, { minLength: 3, maxLength: 3 }), note, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 25 }), (d, rows) => {
        const written = ['A', 'B', 'C', 'NOTE'].join(d) + rows.map(([fields, n, end]) => end + [...fields, n].map((f) => quoteIfNeeded(f, d)).join(d)).join('');
        const got: CsvRecord[] = [];
        const warnings: string[] = [];
        forEachRecord(written, d, 'p.csv', (w) => warnings.push(w), (r) => got.push(r));
        expect(warnings).toEqual([]);
        expect(got.map((r) => r.fields)).toEqual([['A', 'B', 'C', 'NOTE'], ...rows.map(([fields, n]) => [...fields, n])]);
        let line = 2;
        for (const [i, [, n]] of rows.entries()) {
          expect(got[i + 1]!.line).toBe(line);
          line += 1 + (n.match(/\r\n|\n|\r/gu)?.length ?? 0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a line break in any one field, as RFC 4180 allows, keeps its record whole, at its first physical line', () => {
    // fields without delimiters (codes, figures), so no line of a record is as wide as a data line by itself
    const plain = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', '"', '1'), maxLength: 6 });
    const row = fc.tuple(fc.array(plain, { minLength: 4, maxLength: 4 }), fc.nat(3), note, fc.constantFrom('\n', '\r\n', '\r'));
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), fc.array(row, { maxLength: 25 }), (d, rows) => {
        const records = rows.map(([fields, at, n]) => fields.map((f, i) => (i === at ? `${f}${n}` : f)));
        const written = ['A', 'B', 'C', 'D'].join(d) + rows.map(([, , , end], i) => end + records[i]!.map((f) => quoteIfNeeded(f, d)).join(d)).join('');
        const got: CsvRecord[] = [];
        const warnings: string[] = [];
        forEachRecord(written, d, 'p.csv', (w) => warnings.push(w), (r) => got.push(r));
        expect(warnings).toEqual([]);
        expect(got.map((r) => r.fields)).toEqual([['A', 'B', 'C', 'D'], ...records]);
        let line = 2;
        for (const [i, [, , n]] of rows.entries()) {
          expect(got[i + 1]!.line).toBe(line);
          line += 1 + (n.match(/\r\n|\n|\r/gu)?.length ?? 0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
