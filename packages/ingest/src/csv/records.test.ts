import { MchError } from '@mch/core';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Collector } from '../collector';
import { buildEnv } from '../env';
import { ingestFile } from '../ingest';
import { codelists, context, tableSet } from '../test-support/dump';
import { MAX_CSV_BYTES, readCsv } from './read';
import { type CsvRecord, forEachRecord, prescan } from './records';

// Properties of the CSV record reader over text made of the characters that break CSV files:
// quotes, delimiters, every line end, blanks and NUL.
const chunk = fc.constantFrom('a', 'b', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '\u0000', 'é');
const hostileText = fc.array(chunk, { maxLength: 60 }).map((c) => c.join(''));
const physicalLines = (text: string) => {
  const lines = text.split(/\r\n|\n|\r/u);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.length;
};
const records = (text: string) => {
  const out: CsvRecord[] = [];
  forEachRecord(text, ',', 'p.csv', () => {}, (r) => out.push(r));
  return out;
};

describe('property: the CSV record reader', () => {
  it('finds an unclosed quote exactly where csv-parse would fail on one', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        let parserFails = false;
        try {
          parse(text, { delimiter: ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
        } catch (e) {
          parserFails = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED';
        }
        expect(prescan(text, ',').unclosed !== undefined).toBe(parserFails);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every physical line to exactly one record, in order, whatever the quotes and line ends', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const got = records(text);
        let next = 1;
        for (const r of got) {
          expect(r.line).toBe(next);
          expect(r.end).toBeGreaterThanOrEqual(r.line);
          next = r.end + 1;
        }
        expect(next - 1).toBe(text === '' ? 0 : physicalLines(text));
      }),
      { numRuns: 2000 },
    );
  });
});

/** prescan as first written, one character at a time: the reference its jumps from quote to line end must match. */
function prescanByCharacter(text: string, delimiter: string): { unclosed?: number; longest: { line: number; length: number } } {
  const d = delimiter.charCodeAt(0);
  let line = 1;
  let lineStart = 0;
  let longest = { line: 1, length: 0 };
  let open: number | undefined;
  let fieldStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (i - lineStart > longest.length) longest = { line, length: i - lineStart };
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
      if (open === undefined) fieldStart = true;
      continue;
    }
    if (open !== undefined) {
      if (ch !== 34) continue;
      if (text.charCodeAt(i + 1) === 34) i++;
      else open = undefined;
      continue;
    }
    if (ch === 34 && fieldStart) open = line;
    fieldStart = ch === d;
  }
  if (n - lineStart > longest.length) longest = { line, length: n - lineStart };
  return { ...(open !== undefined ? { unclosed: open } : {}), longest };
}

describe('property: prescan', () => {
  it('finds the same longest line and unclosed quote as a scan of every character, for each delimiter', () => {
    const wide = fc.array(fc.constantFrom('a', 'bc', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', 'é'), { maxLength: 80 }).map((c) => c.join(''));
    fc.assert(
      fc.property(wide, fc.constantFrom(',', ';', '\t'), (text, d) => {
        expect(prescan(text, d)).toEqual(prescanByCharacter(text, d));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('property: a long CSV of full data lines broken by stray quotes and mixed line ends', () => {
  const HEADER = 'TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE';
  const field = fc.oneof(fc.constantFrom('T04', '2012', 'M', 'DEU', '5', '..', ''), fc.constantFrom('"', '"x', 'x"', '""', 'a"b', '\u0000', ';', '=1+2'));
  const line = fc.array(field, { minLength: 5, maxLength: 5 });
  const end = fc.constantFrom('\n', '\r\n', '\r');
  // a line whose fields are all empty, quoted or not ("",,"","","" — an empty row of an export) holds no data line (records.ts isBlank)
  const blank = (fields: readonly string[]) => fields.every((f) => f === '' || f === '""');

  it('every data line the file holds is one observation or one rejection (or the file is refused whole)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, end), { minLength: 1, maxLength: 30 }), async (lines) => {
        // no field holds a line break here, so every physical line but a blank one is a data line of its own
        const text = `${HEADER}\n${lines.map(([f, e]) => f.join(',') + e).join('')}`;
        expect(physicalLines(text) - 1).toBe(lines.length);
        const dataLines = lines.filter(([f]) => !blank(f)).length;
        try {
          const r = await ingestFile({ path: 'p.csv', bytes: new TextEncoder().encode(text) }, context('ARM'));
          const f = r.files[0]!;
          expect(f.value_cells).toBe(dataLines);
          expect(f.observations + f.rejections).toBe(dataLines);
        } catch (e) {
          expect(e).toBeInstanceOf(MchError);
          expect((e as MchError).code).toBe('file-unreadable');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is what the property holds: the reader of issue 12 merged 497 lines for one quote', () => {
    // a quote opening a field on line 3 that closes on line 9: seven data lines, not one
    const lines = Array.from({ length: 8 }, (_, i) => `T04,2012,M,${i === 1 ? '"DEU' : i === 7 ? 'DEU"' : 'DEU'},${i}`);
    const merged = parse(`${HEADER}\n${lines.join('\n')}\n`, { relax_column_count: true, relax_quotes: true });
    expect(merged.length - 1).toBeLessThan(8);
    expect(records(`${HEADER}\n${lines.join('\n')}\n`).length - 1).toBe(8);
  });
});

describe('a CSV larger than one string can hold', () => {
  it('is refused with its size before it is decoded', () => {
    const env = buildEnv('big.csv', 'ARM', tableSet, codelists, context('ARM').settings);
    // pages of a fresh buffer are not touched until written: the check must come first
    const big = new Uint8Array(MAX_CSV_BYTES + 1);
    expect(() => readCsv(big, new Collector('big.csv', '', 'ARM'), env)).toThrow(`big.csv is ${MAX_CSV_BYTES + 1} bytes, more than the ${MAX_CSV_BYTES} a long CSV may have`);
    expect(() => readCsv(new TextEncoder().encode('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\n'), new Collector('small.csv', '', 'ARM'), env)).not.toThrow();
  });
});
