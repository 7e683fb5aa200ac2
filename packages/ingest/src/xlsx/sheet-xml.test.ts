import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1 } from './grid';
import { type Budget, placeCell, readSheetXml } from './sheet-xml';
import { Unreadable } from '@mch/core/xlsx';

// Properties of the worksheet reader: what a writer put in any cell, in any of the ways XML lets
// it be written, reads back at its place; broken XML ends in Unreadable, never another error.
type Written = { kind: 'shared'; text: string } | { kind: 'inline'; text: string } | { kind: 'number'; n: number } | { kind: 'bool'; b: boolean } | { kind: 'formula'; v?: number };

// characters XML 1.0 can hold, with the ones that need escaping and OOXML's own _xHHHH_ form
const xmlText = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', '&', '<', '>', '"', "'", '\t', '\n', '_x0041_', '\u202e', '𝄞', '1', ']]>'), maxLength: 12 });
const written: fc.Arbitrary<Written> = fc.oneof(
  fc.record({ kind: fc.constant('shared' as const), text: xmlText }),
  fc.record({ kind: fc.constant('inline' as const), text: xmlText }),
  fc.record({ kind: fc.constant('number' as const), n: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({ kind: fc.constant('bool' as const), b: fc.boolean() }),
  fc.record({ kind: fc.constant('formula' as const), v: fc.option(fc.integer(), { nil: undefined }) }),
);
const grid = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }), written), { selector: ([r, c]) => `${r}:${c}`, maxLength: 40 });
const style = fc.record({ quote: fc.constantFrom('"', "'"), space: fc.constantFrom(' ', '\n', '\r\n\t'), prefix: fc.constantFrom('', 'x:'), shuffle: fc.boolean() });

const esc = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/gu, '_x005F_x$1_').replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function write(cells: [number, number, Written][], s: { quote: string; space: string; prefix: string; shuffle: boolean }, strings: string[]): string {
  const q = (v: string | number) => `${s.quote}${v}${s.quote}`;
  const p = s.prefix;
  const cellXml = ([r, c, w]: [number, number, Written]) => {
    const at = `r=${q(a1(r, c))}`;
    if (w.kind === 'shared') {
      strings.push(w.text);
      return `<${p}c${s.space}${at} t=${q('s')}><${p}v>${strings.length - 1}</${p}v></${p}c>`;
    }
    if (w.kind === 'inline') return `<${p}c${s.space}${at} t=${q('inlineStr')}><${p}is><${p}t>${esc(w.text)}</${p}t></${p}is></${p}c>`;
    if (w.kind === 'number') return `<${p}c${s.space}${at}><${p}v>${w.n}</${p}v></${p}c>`;
    if (w.kind === 'bool') return `<${p}c ${at} t=${q('b')}><${p}v>${w.b ? 1 : 0}</${p}v></${p}c>`;
    return `<${p}c ${at}><${p}f>A1+1</${p}f>${w.v === undefined ? '' : `<${p}v>${w.v}</${p}v>`}</${p}c>`;
  };
  const rows = new Map<number, [number, number, Written][]>();
  for (const cell of cells) rows.set(cell[0], [...(rows.get(cell[0]) ?? []), cell]);
  const order = [...rows.keys()].sort((x, y) => (s.shuffle ? y - x : x - y));
  const body = order.map((r) => `<${p}row${s.space}r=${q(r)}>${rows.get(r)!.map(cellXml).join('')}</${p}row>`).join(s.space);
  return `<?xml version="1.0"?>\n<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="s"><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

const budget = (): Budget => ({ rows: 1_000, cells: 10_000 });
const read = (xml: string | Uint8Array, strings: string[], b = budget()) => readSheetXml(typeof xml === 'string' ? Buffer.from(xml) : xml, 'sheet1.xml', { sheet: 'T04', strings, styles: [], date1904: false, budget: b });

describe('property: the worksheet reader', () => {
  it('reads every written cell back at its place, however the XML is laid out', () => {
    fc.assert(
      fc.property(grid, style, (cells, s) => {
        const strings: string[] = [];
        const rows = read(write(cells, s, strings), strings);
        for (const [r, c, w] of cells) {
          const got = rows.get(r)?.get(c);
          const where = a1(r, c);
          if (w.kind === 'shared' || w.kind === 'inline') {
            if (w.text.trim() === '') expect(got, where).toBeUndefined();
            else expect(got, where).toEqual({ text: w.text });
          } else if (w.kind === 'number') expect(got, where).toEqual({ text: String(Number(String(w.n))), number: Number(String(w.n)) });
          else if (w.kind === 'bool') expect(got, where).toEqual({ text: w.b ? 'TRUE' : 'FALSE' });
          else if (w.v === undefined) expect(got, where).toEqual({ text: '', formulaWithoutValue: true, formula: 'A1+1' });
          else expect(got, where).toEqual({ text: String(w.v), number: w.v, formula: 'A1+1' });
        }
        const stored = [...rows.values()].reduce((n, r) => n + r.size, 0);
        const blank = cells.filter(([, , w]) => (w.kind === 'shared' || w.kind === 'inline') && w.text.trim() === '').length;
        expect(stored).toBe(cells.length - blank);
        // in sheet order, whatever order the XML used
        expect([...rows.keys()]).toEqual([...rows.keys()].sort((x, y) => x - y));
      }),
      { numRuns: 300 },
    );
  });

  const mutation = fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", '</row>', '<row r="0">', '<c r="A0">', '<c r="A1"><v>1</v></c>', '<!DOCTYPE x [<!ENTITY e "e">]>', '&e;', '&#0;', '<![CDATA[', '<?pi', '<!--', '\u0000', '<v/>', '<c t="s"><v>99</v></c>', '<mergeCell ref="A1:XFD1048576"/>'),
    fc.string({ maxLength: 6 }),
  );

  it('ends broken, truncated or hostile XML in Unreadable, never another error', () => {
    fc.assert(
      fc.property(grid, style, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), mutation), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { nil: undefined }), (cells, s, edits, cut) => {
        const strings: string[] = [];
        let xml = write(cells, s, strings);
        for (const [at, drop, insert] of edits) {
          const i = at % (xml.length + 1);
          xml = xml.slice(0, i) + insert + xml.slice(i + drop);
        }
        if (cut !== undefined) xml = xml.slice(0, cut % (xml.length + 1));
        try {
          read(xml, strings, { rows: 20, cells: 30 });
        } catch (e) {
          if (!(e instanceof Unreadable)) throw e;
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('names the sheet and cell of what it cannot place', () => {
    const err = (xml: string) => {
      try {
        read(`<worksheet><sheetData>${xml}</sheetData></worksheet>`, ['a']);
      } catch (e) {
        return e instanceof Unreadable ? [e.message, e.place] : ['not Unreadable'];
      }
      return ['read'];
    };
    expect(err('<row r="0"/>')).toEqual(['row number "0" is not a row of a worksheet', 'T04!row 0']);
    expect(err('<row><c r="B7"><v>1</v></c><c r="B7"><v>2</v></c></row>')).toEqual(['the sheet holds two cells at B7', 'T04!B7']);
    expect(err('<row><c r="B7" t="s"><v>3</v></c></row>')).toEqual(['cell B7 refers to shared string "3", but the workbook holds 1', 'T04!B7']);
    expect(err('<row><c r="B7"><v>1</v></c></row>')).toEqual(['read']);
  });
});

describe('property: a cell reference is read as its regular expression says', () => {
  // the reference as first written: letters, digits, bounds
  const reference = (r: string): { row: number; col: number } | 'refused' => {
    const m = /^([A-Za-z]{1,3})(\d{1,7})$/u.exec(r);
    let col = 0;
    for (const ch of (m?.[1] ?? '').toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    const row = m ? Number(m[2]) : 0;
    return col < 1 || col > 16_384 || row < 1 || row > 1_048_576 ? 'refused' : { row, col };
  };
  const read = (r: string) => {
    try {
      return placeCell(r, 'S');
    } catch (e) {
      expect(e).toBeInstanceOf(Unreadable);
      return 'refused';
    }
  };
  it('agrees on A1, XFD1048576, lower case, and text that is no reference', () => {
    for (const r of ['A1', 'xfd1048576', 'XFE1', 'A0', 'A01', 'AAAA1', 'A12345678', '1A', 'A', '', 'Ł1', 'A1 ', '$A$1']) expect(read(r), r).toEqual(reference(r));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', 'Z', 'x', 'F', 'D', '0', '1', '9', '@', '[', '`', '{', 'Ł', ' '), maxLength: 11 }), (r) => {
        expect(read(r)).toEqual(reference(r));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('formula results', () => {
  it('a text formula saved with an empty result is a blank cell; a formula never calculated is told', () => {
    const xml = (c: string) => `<?xml version="1.0"?><worksheet xmlns="s"><sheetData><row r="1">${c}</row></sheetData></worksheet>`;
    // =IF(x=0,"",x) as Excel and LibreOffice save it
    expect(read(xml('<c r="C1" t="str"><f>IF(1=1,"","")</f><v></v></c>'), []).get(1)?.get(3)).toBeUndefined();
    expect(read(xml('<c r="C1" t="str"><f>IF(1=1,"","")</f><v/></c>'), []).get(1)?.get(3)).toBeUndefined();
    expect(read(xml('<c r="C1" t="str"><f>A1</f></c>'), []).get(1)?.get(3)).toEqual({ text: '', formulaWithoutValue: true, formula: 'A1' });
    expect(read(xml('<c r="C1"><f>A1+1</f><v></v></c>'), []).get(1)?.get(3)).toEqual({ text: '', formulaWithoutValue: true, formula: 'A1+1' });
  });
});
