import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PxTable, pxCells, pxKeywordText, readPx } from './index';
import { decodePx } from './read';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

function read(bytes: Uint8Array): PxTable {
  const r = readPx(bytes);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return r.table;
}

/** The fixture's text with one edit, re-encoded in the same single-byte code page. */
function edited(name: string, from: string | RegExp, to: string): Buffer {
  const latin = fixture(name).toString('latin1');
  const out = latin.replace(from, to);
  expect(out, 'the edit applies').not.toBe(latin);
  return Buffer.from(out, 'latin1');
}

const problemsOf = (bytes: Uint8Array) => {
  const r = readPx(bytes);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe('readPx on files in the image of statistical offices', () => {
  it('reads ISO 8859-15, a TLIST range, a provisional label and a "." cell', () => {
    const t = read(fixture('earnings-latin9.px'));
    expect(t.codepage).toBe('iso-8859-15');
    expect(pxKeywordText(t, 'TITLE')).toBe('Average monthly earnings in €, Järvenpää and Pori');
    expect(pxKeywordText(t, 'NOTE')).toBe('#* Preliminary figures.##The quarter Q4 of 2021 is not yet available; it is shown as a dot. Figures are rounded to one decimal.');
    const view = t.views.get('en')!;
    expect(view.stub).toEqual([]);
    expect(view.heading.map((v) => [v.name, v.values, v.time])).toEqual([
      ['Year', ['2019', '2020', '2021*'], 'A1'],
      ['Quarter', ['Q1', 'Q2', 'Q3', 'Q4'], null],
    ]);
    const cells = [...pxCells(t)];
    expect(cells).toHaveLength(12);
    expect(cells[0]).toEqual({ at: [0, 0], cell: { kind: 'number', value: 3402.5 } });
    expect(cells[11]).toEqual({ at: [2, 3], cell: { kind: 'symbol', symbol: '.' } });
  });

  it('reads Windows-1251, two languages with [en] variants, a TLIST list and "..." cells', () => {
    const t = read(fixture('flows-cp1251-bilingual.px'));
    expect([t.language, t.languages]).toEqual(['uk', ['uk', 'en']]);
    expect(pxKeywordText(t, 'TITLE')).toBe('Прибулі та вибулі (тис. осіб) - Територія і Рік');
    expect(pxKeywordText(t, 'TITLE', 'en')).toBe('Arrivals and departures (thsd. persons) by Territory and Year');
    const uk = t.views.get('uk')!;
    const en = t.views.get('en')!;
    expect(uk.stub.map((v) => v.name)).toEqual(['Територія', 'Потік']);
    expect(en.stub[0]!.values).toEqual(['Zhytomyr region', 'Zhytomyr (city council)', 'Korosten` city (since 2001)']);
    expect(uk.stub[0]!.values[2]).toBe(' м. Коростень (з 2001)');
    const cells = [...pxCells(t)];
    expect(cells.filter((c) => c.cell.kind === 'symbol').map((c) => c.at)).toEqual([
      [2, 0, 0],
      [2, 0, 1],
      [2, 1, 0],
      [2, 1, 1],
    ]);
    expect(cells.find((c) => c.at.join() === '1,1,2')!.cell).toEqual({ kind: 'number', value: 8.1 });
  });

  it('reads CODES, DOMAIN and a hierarchy whose children add up', () => {
    const t = read(fixture('residence-hierarchy.px'));
    expect(pxKeywordText(t, 'TITLE')).toBe('Population (Number) by Region, Year and Usual Residence One Year Previous');
    const region = t.views.get('en')!.stub[0]!;
    expect(region.codes).toEqual(['0', '01', '02', '021', '022']);
    expect(region.domain).toBe('REGIOND');
    const value = (r: number, y: number, u: number) => {
      const c = [...pxCells(t)].find((x) => x.at.join() === `${r},${y},${u}`)!.cell;
      return c.kind === 'number' ? c.value : null;
    };
    for (const [parent, child] of region.hierarchy.filter(([p]) => p)) {
      const children = region.hierarchy.filter(([p]) => p === parent).map(([, c]) => region.values.indexOf(c));
      const p = region.values.indexOf(parent);
      for (const y of [0, 1]) expect(children.reduce((s, c) => s + value(c, y, 0)!, 0), `${parent} ${child} ${y}`).toBe(value(p, y, 0));
    }
    expect([...pxCells(t)].filter((c) => c.cell.kind === 'symbol')).toHaveLength(2);
  });
});

describe('readPx refuses what the specification does not allow', () => {
  const cases: [string, string, string | RegExp, string, string][] = [
    ['too few DATA cells', 'residence-hierarchy.px', ' 30;', ';', 'DATA has 29 cells; the VALUES of STUB and HEADING make 30'],
    ['a symbol that is not a dot code', 'earnings-latin9.px', '".";', '"x";', '"x" is not one of the symbols'],
    ['a word in DATA', 'residence-hierarchy.px', '1000 900', '1000 n/a', '"n/a" is neither a number nor a quoted symbol'],
    ['an unclosed string', 'earnings-latin9.px', 'UNITS="€";'.replace('€', '\xa4'), 'UNITS="\xa4;', 'a string runs over the end of its line'],
    ['a missing mandatory keyword', 'residence-hierarchy.px', /MATRIX="RES07";\r\n/, '', 'MATRIX is missing'],
    ['a keyword given twice', 'residence-hierarchy.px', 'UNITS="Number";', 'UNITS="Number";\r\nUNITS="Persons";', 'UNITS is given twice'],
    ['a language variant not declared', 'flows-cp1251-bilingual.px', 'UNITS[en]', 'UNITS[de]', '"de" is not in LANGUAGES'],
    ['CODES that do not match VALUES', 'residence-hierarchy.px', '"021","022";', '"021";', 'CODES("Region") has 4 codes for 5 values'],
    ['a TLIST range that does not match VALUES', 'earnings-latin9.px', '"2019"-"2021"', '"2019"-"2022"', 'TIMEVAL lists 4 periods for 3 values'],
    ['a hierarchy naming an unknown value', 'residence-hierarchy.px', '"Dublin":"Fingal"', '"Dublin":"Kildare"', '"Kildare", which is not among the VALUES'],
    ['VALUES for a variable that does not exist', 'residence-hierarchy.px', 'DOMAIN("Region")', 'DOMAIN("County")', 'not a variable of STUB or HEADING'],
    ['a translation with another number of values', 'flows-cp1251-bilingual.px', '"arrivals","departures"', '"arrivals"', 'do not match the default language'],
    ['an unknown code page', 'earnings-latin9.px', 'iso-8859-15', 'klingon-1', 'unknown CODEPAGE "klingon-1"'],
    ['a missing semicolon', 'residence-hierarchy.px', 'UNITS="Number";', 'UNITS="Number"', 'expected ; but found "S"'],
  ];
  for (const [what, file, from, to, message] of cases) {
    it(`refuses ${what}`, () => {
      const problems = problemsOf(edited(file, from, to));
      expect(problems.join('\n')).toContain(message);
    });
  }

  it('refuses bytes that are not valid in the declared code page', () => {
    const utf8 = Buffer.from('CODEPAGE="utf-8";\r\nMATRIX="\xff";\r\n', 'latin1');
    expect(problemsOf(utf8)).toEqual(['the bytes are not valid utf-8']);
    // an overlong form and a lone surrogate are not UTF-8 either
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const bytes = Buffer.concat([Buffer.from('CODEPAGE="utf-8";\r\nMATRIX="'), Buffer.from(bad), Buffer.from('";\r\n')]);
      expect(problemsOf(bytes)).toEqual(['the bytes are not valid utf-8']);
    }
  });

  it('decodes UTF-8 as the fatal TextDecoder does: a leading byte order mark dropped, and one more after it', () => {
    const text = 'CHARSET="ANSI";\r\nCODEPAGE="utf-8";\r\nMATRIX="Миграция";\r\n';
    for (const bom of ['', '\uFEFF', '\uFEFF\uFEFF', '\uFEFF\uFEFF\uFEFF']) {
      const bytes = Buffer.from(bom + text, 'utf8');
      const decoded = decodePx(bytes);
      expect(decoded).toEqual({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), codepage: 'utf-8' });
      expect('text' in decoded && decoded.text.startsWith('CHARSET')).toBe(bom.length < 3);
    }
  });
});
