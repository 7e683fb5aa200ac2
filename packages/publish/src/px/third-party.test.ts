// The release's PX files read by a PX parser that is not ours: rdf-parser-px (Zazuko's PX-to-RDF
// converter, MIT, 0.2.2 of 2021, the most recent PX parser we found on npm). Its tokenizer,
// lib/PxParser, decodes by the file's own CODEPAGE and hands back every statement as keyword,
// language, subkey and values. What it reads must be what we wrote, cell by cell against the
// published observations.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Observation, TableDef } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { publishedRelease } from '../published/build';
import { fixtureModel, obs } from '../testing/fixture';
import { buildCube, cubeKey, pxCell } from './cube';
import type { PxCell, PxEntry } from './entries';
import { pxEntries } from './file';
import { checkedPxFile, readPx } from './index';

/** One statement as rdf-parser-px gives it: `language` and `subkey` are '' when absent. */
interface Pair {
  keyword: string;
  language: string;
  subkey: string;
  values: string[];
}
type ParserClass = new (options?: { encoding?: string }) => { import(raw: Buffer): void; read(): Pair | null };
const PxParser = createRequire(import.meta.url)('rdf-parser-px/lib/PxParser') as ParserClass;

/** Every statement of a PX file, read by the third-party parser. */
function thirdParty(bytes: Uint8Array): Pair[] {
  const parser = new PxParser();
  parser.import(Buffer.from(bytes));
  const pairs: Pair[] = [];
  for (let p = parser.read(); p !== null; p = parser.read()) pairs.push(p);
  return pairs;
}

const show = (c: PxCell) => (c.kind === 'number' ? String(c.value) : c.symbol);
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** A DATA token as the third party read it, against the cell it should be. */
function sameCell(token: string | undefined, cell: PxCell): boolean {
  if (token === undefined) return false;
  return cell.kind === 'number' ? NUMBER.test(token) && Number(token) === cell.value : token === cell.symbol;
}

/** TIMEVAL as written: `TLIST(A1),"2011","2012"` or `TLIST(A1,"2019"-"2021")` (the parser keeps it raw). */
function timevalText(e: PxEntry): string {
  return e.items
    .map((i) => {
      if (i.kind === 'tlist') return i.range ? `TLIST(${i.unit},"${i.range[0]}"-"${i.range[1]}")` : `TLIST(${i.unit})`;
      return i.kind === 'text' ? `"${i.text}"` : i.kind === 'word' ? i.text : '';
    })
    .join(',');
}

/**
 * Where the third party reads a statement otherwise than `entries` say (the statements as the
 * writer built them, or as our strict reader read them): keyword, language, the subkey, every
 * value, every DATA cell. A statement keyed by two or more subkeys (CELLNOTE, VALUENOTEX) comes
 * back from this parser with no subkey at all, so only its place and values are compared.
 */
function disagreements(pairs: readonly Pair[], entries: readonly PxEntry[]): string[] {
  const out: string[] = [];
  if (pairs.length !== entries.length) out.push(`${pairs.length} statements read, ${entries.length} written`);
  entries.forEach((e, i) => {
    const p = pairs[i];
    const name = `${e.keyword}${e.lang ? `[${e.lang}]` : ''}(${e.subkeys.join(',')})`;
    if (!p) return;
    if (p.keyword !== e.keyword || p.language !== (e.lang ?? '')) {
      out.push(`statement ${i + 1}: ${name} written, ${p.keyword}[${p.language}] read`);
      return;
    }
    if (e.subkeys.length <= 1 && p.subkey !== (e.subkeys[0] ?? '')) out.push(`${name}: read with the subkey "${p.subkey}"`);
    const data = e.items[0]?.kind === 'data' ? e.items[0] : null;
    if (data) {
      if (p.values.length !== data.cells.length) out.push(`DATA: ${p.values.length} cells read, ${data.cells.length} written`);
      data.cells.forEach((c, k) => {
        if (!sameCell(p.values[k], c)) out.push(`DATA cell ${k + 1}: ${p.values[k]} read, ${show(c)} written`);
      });
      return;
    }
    if (e.keyword === 'TIMEVAL') {
      if (p.values.join(',') !== timevalText(e)) out.push(`${name}: ${p.values.join(',')} read`);
      return;
    }
    if (e.keyword === 'HIERARCHIES') return; // see "what it gets wrong" below
    const written = e.items.map((x) => (x.kind === 'text' || x.kind === 'word' ? x.text : ''));
    if (JSON.stringify(p.values) !== JSON.stringify(written)) out.push(`${name}: ${JSON.stringify(p.values).slice(0, 200)} read, ${JSON.stringify(written).slice(0, 200)} written`);
  });
  return out.slice(0, 20);
}

/**
 * The published observations against the file as the third party read it, using nothing of
 * ours to find a cell: its STUB, HEADING and CODES place each observation in its DATA; every
 * other cell is a hole (`..` or `.....`); every dot code is named by its DATASYMBOL in both
 * languages; there is a country note per reporting country and language, naming the bases of
 * that country's reported series (the parser drops the keys of a two-subkey statement, so the
 * notes are taken in file order, the order of the countries' VALUES).
 */
function againstObservations(pairs: readonly Pair[], table: TableDef, rows: readonly Observation[]): string[] {
  const out: string[] = [];
  const one = (keyword: string, subkey = '', language = '') => pairs.find((p) => p.keyword === keyword && p.subkey === subkey && p.language === language);
  const variables = [...(one('STUB')?.values ?? []), ...(one('HEADING')?.values ?? [])];
  const codes = variables.map((v) => one('CODES', v)?.values ?? []);
  const sizes = variables.map((v, d) => {
    const n = one('VALUES', v)?.values.length ?? 0;
    if (n !== codes[d]!.length) out.push(`${v}: ${n} VALUES, ${codes[d]!.length} CODES`);
    return n;
  });
  const data = one('DATA')?.values ?? [];
  if (data.length !== sizes.reduce((a, b) => a * b, 1)) out.push(`DATA has ${data.length} cells for ${sizes.join('×')}`);
  // a table nobody reported still lists the release's countries, every cell ".."
  const published = [...new Set(rows.map((o) => o.ref_area))].sort();
  const countries = codes[0] ?? [];
  if (rows.length && JSON.stringify(countries) !== JSON.stringify(published)) out.push(`reporting countries ${countries.join(',')} read, ${published.join(',')} published`);
  const seen = new Set<number>();
  for (const o of rows) {
    const key = cubeKey(table, o);
    const at = key.reduce((n, code, d) => n * sizes[d]! + codes[d]!.indexOf(code), 0);
    seen.add(at);
    if (key.some((code, d) => codes[d]!.indexOf(code) < 0) || !sameCell(data[at], pxCell(o))) out.push(`${key.join('|')}: ${data[at]} read, ${show(pxCell(o))} published`);
  }
  data.forEach((token, at) => {
    if (!seen.has(at) && token !== '..' && token !== '.....') out.push(`DATA cell ${at + 1}: ${token} where nothing is published`);
  });
  for (const dots of new Set(data.filter((t) => /^\.+$/.test(t)))) {
    for (const language of ['', 'ru']) if (!one(`DATASYMBOL${dots.length}`, '', language)?.values[0]) out.push(`"${dots}" in DATA, no DATASYMBOL${dots.length}[${language}]`);
  }
  for (const language of ['', 'ru']) {
    const notes = pairs.filter((p) => p.keyword === 'VALUENOTEX' && p.language === language);
    if (notes.length !== countries.length) out.push(`${notes.length} VALUENOTEX[${language}] for ${countries.length} countries`);
    if (language) continue;
    countries.forEach((c, i) => {
      const bases = [...new Set(rows.filter((o) => o.ref_area === c && !o.derived && o.definition_basis).map((o) => o.definition_basis))];
      for (const b of bases) if (!notes[i]?.values.join('').includes(`(${b})`)) out.push(`the note on ${c} does not name ${b}`);
    });
  }
  return out.slice(0, 20);
}

/** The fixture release as the release command writes it: the published model, then each table's PX file. */
function fixtureRelease(model = fixtureModel()) {
  return publishedRelease(model).tables.map((t) => ({
    table: t.table,
    rows: t.observations,
    bytes: checkedPxFile(model, t),
    entries: pxEntries(model, t, buildCube(model, t)),
  }));
}

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('a third-party PX parser (rdf-parser-px) on the PX files of a release', () => {
  const release = fixtureRelease();

  it('reads every statement of every table as written: keywords, both languages, VALUES, CODES, notes, DATA', () => {
    for (const t of release) {
      const pairs = thirdParty(t.bytes);
      expect(disagreements(pairs, t.entries), t.table.id).toEqual([]);
      for (const k of ['CHARSET', 'AXIS-VERSION', 'CODEPAGE', 'LANGUAGE', 'LANGUAGES', 'MATRIX', 'SUBJECT-CODE', 'DECIMALS', 'LAST-UPDATED', 'DATA']) {
        expect(pairs.some((p) => p.keyword === k), `${t.table.id} ${k}`).toBe(true);
      }
      for (const k of ['SUBJECT-AREA', 'TITLE', 'CONTENTS', 'UNITS', 'STUB', 'HEADING', 'SOURCE', 'NOTE', 'DATASYMBOL5']) {
        for (const language of ['', 'ru']) expect(pairs.find((p) => p.keyword === k && p.language === language)?.values[0], `${t.table.id} ${k}[${language}]`).toBeTruthy();
      }
    }
    const t04 = thirdParty(release.find((t) => t.table.id === 'T04')!.bytes);
    expect(t04.find((p) => p.keyword === 'VALUES' && p.language === 'ru' && p.subkey === 'Отчитывающаяся страна')?.values).toEqual(['Армения']);
    expect(t04.find((p) => p.keyword === 'CODEPAGE')?.values).toEqual(['utf-8']);
  });

  it('finds every published observation in its DATA cell through the file’s own CODES, and nothing where none is published', () => {
    for (const t of release) expect(againstObservations(thirdParty(t.bytes), t.table, t.rows), t.table.id).toEqual([]);
  });

  it('tells a file that says something else: a changed figure, a dropped country note, a lost DATASYMBOL', () => {
    const t04 = release.find((t) => t.table.id === 'T04')!;
    const text = t04.bytes.toString('utf8');
    const figure = Buffer.from(text.replace(/\b5100\b/, '5101'), 'utf8');
    expect(againstObservations(thirdParty(figure), t04.table, t04.rows)).toEqual(['ARM|NAT|_T|2012|_T: 5101 read, 5100 published']);
    expect(disagreements(thirdParty(figure), t04.entries)).toHaveLength(1);
    const noNote = Buffer.from(text.replace(/VALUENOTEX\("[^\r\n]*\r\n/, ''), 'utf8');
    expect(againstObservations(thirdParty(noNote), t04.table, t04.rows)).toContain('0 VALUENOTEX[] for 1 countries');
    const t08 = release.find((t) => t.table.id === 'T08')!;
    const noSymbol = Buffer.from(t08.bytes.toString('utf8').replace(/DATASYMBOL4\[ru\]="[^"]*";\r\n/, ''), 'utf8');
    expect(againstObservations(thirdParty(noSymbol), t08.table, t08.rows)).toEqual(['"...." in DATA, no DATASYMBOL4[ru]']);
  });

  it('reads "....." (included in another row) and names it by DATASYMBOL5', () => {
    const base = fixtureModel();
    const other = obs({ ref_area: 'ARM', table: 'T04', migr_type: 'NAT', definition_basis: 'PERM_REG', time_period: 2011, partner: 'OTH', obs_value: 40 });
    const t04 = fixtureRelease(fixtureModel({ data: { ...base.data, observations: [...base.data.observations, other] } })).find((t) => t.table.id === 'T04')!;
    const pairs = thirdParty(t04.bytes);
    expect(pairs.find((p) => p.keyword === 'DATA')!.values).toContain('.....');
    expect(againstObservations(pairs, t04.table, t04.rows)).toEqual([]);
    expect(pairs.find((p) => p.keyword === 'DATASYMBOL5' && p.language === '')?.values).toEqual(['in another row']);
  });
});

describe('rdf-parser-px on PX files in the image of statistical offices (px/fixtures/)', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.px'));

  it('reads them as our strict reader does: every statement, every value, every cell, by each file’s code page', () => {
    expect(files).toHaveLength(3);
    for (const f of files) {
      const bytes = readFileSync(join(FIXTURES, f));
      const strict = readPx(bytes);
      if (!strict.ok) throw new Error(`${f}: ${JSON.stringify(strict.problems)}`);
      expect(disagreements(thirdParty(bytes), strict.table.entries), f).toEqual([]);
    }
  });

  it('decodes ISO 8859-15 and Windows-1251 itself and keeps the dot codes', () => {
    const latin9 = thirdParty(readFileSync(join(FIXTURES, 'earnings-latin9.px')));
    expect(latin9.find((p) => p.keyword === 'TITLE')?.values).toEqual(['Average monthly earnings in €, Järvenpää and Pori']);
    expect(latin9.find((p) => p.keyword === 'DATA')?.values.slice(-2)).toEqual(['3544.8', '.']);
    const cp1251 = thirdParty(readFileSync(join(FIXTURES, 'flows-cp1251-bilingual.px')));
    expect(cp1251.find((p) => p.keyword === 'VALUES' && p.language === '' && p.subkey === 'Потік')?.values).toEqual(['прибулі', 'вибулі']);
    expect(cp1251.find((p) => p.keyword === 'VALUES' && p.language === 'en' && p.subkey === 'Flow')?.values).toEqual(['arrivals', 'departures']);
    expect(cp1251.find((p) => p.keyword === 'DATA')?.values.filter((v) => v === '...')).toHaveLength(4);
  });

  // Both are legal PX 2013 and read right by our strict reader; the parser is wrong, not the files.
  it('what it gets wrong that PX 2013 allows: "parent":"child" pairs in HIERARCHIES, the keys of CELLNOTE and VALUENOTEX, ISO 8859-1 without CODEPAGE', () => {
    const hierarchy = thirdParty(readFileSync(join(FIXTURES, 'residence-hierarchy.px'))).find((p) => p.keyword === 'HIERARCHIES')!;
    expect(hierarchy.subkey).toBe('Region');
    expect(hierarchy.values).not.toEqual(['State', 'State:Border', 'State:Dublin', 'Dublin:Dublin City', 'Dublin:Fingal']);
    expect(hierarchy.values[1]).toContain('"State":"Dublin"');
    const t04 = thirdParty(fixtureRelease().find((t) => t.table.id === 'T04')!.bytes);
    const keyed = t04.filter((p) => p.keyword === 'VALUENOTEX' || p.keyword === 'CELLNOTE');
    expect(keyed.length).toBeGreaterThan(0);
    expect(keyed.every((p) => p.subkey === '')).toBe(true);
    // no CODEPAGE means ISO 8859-1 (the specification's default); the parser decodes ASCII. Our files say CODEPAGE="utf-8".
    const latin1 = Buffer.from('CHARSET="ANSI";\r\nTITLE="Caf\u00e9";\r\nDATA=\r\n1;\r\n', 'latin1');
    expect(thirdParty(latin1).find((p) => p.keyword === 'TITLE')?.values).not.toEqual(['Café']);
  });
});
