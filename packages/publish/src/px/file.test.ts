import { describe, expect, it } from 'vitest';
import { publishedObservations } from '../publishable';
import { partnerOrder, publishedRelease } from '../published/index';
import { fixtureModel } from '../testing/fixture';
import { MAX_LINE, type PxTable, comparePxWithObservations, pxCells, pxKeywordText, readPx } from './index';
import { pxFile } from './file';

const model = fixtureModel();
const published = publishedObservations(model.data.observations, model.codelists).observations;
const tableDef = (id: string) => model.tableSet.tables.find((t) => t.id === id)!;
const rowsOf = (id: string) => published.filter((o) => o.table === id);
const kindOf = partnerOrder(model.codelists).kind;

function written(id: string, m = model): { bytes: Buffer; table: PxTable } {
  const bytes = pxFile(m, publishedRelease(m).tables.find((t) => t.table.id === id)!);
  const r = readPx(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { bytes, table: r.table };
}

const TEXT_KEYWORDS = ['SUBJECT-AREA', 'TITLE', 'CONTENTS', 'UNITS', 'STUB', 'HEADING', 'CONTACT', 'SOURCE', 'NOTE', 'DATASYMBOL2', 'DATASYMBOL3', 'DATASYMBOL4'];

describe('pxFile', () => {
  it('names no mark PX does not have: a value converted from thousands is said to be marked as estimated, which its cell note says', () => {
    const { bytes, table } = written('T04');
    const notes = (lang: string | null) => table.entries.filter((e) => e.keyword === 'VALUENOTEX' && e.lang === lang).flatMap((e) => e.items.map((i) => ('text' in i ? i.text : ''))).join('#');
    expect(notes(null)).toContain('Reported in thousands and converted to persons (rounded to whole persons); these values are marked as estimated.');
    expect(notes('ru')).toContain('такие значения отмечены как оценка.');
    // the workbook's marks ([e], [p], [d] …) are not PX's, which carries a status as a cell note
    expect(bytes.toString('utf8')).not.toMatch(/\[[epbdxzci]\]/);
    expect(table.entries.some((e) => e.keyword === 'CELLNOTE' && e.items.some((i) => 'text' in i && i.text === 'estimated'))).toBe(true);
  });

  it('writes the keywords of the PX 2013 specification, with a [ru] variant of every text keyword', () => {
    const { bytes, table } = written('T04');
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').slice(0, 5)).toEqual(['CHARSET="ANSI";', 'AXIS-VERSION="2013";', 'CODEPAGE="utf-8";', 'LANGUAGE="en";', 'LANGUAGES="en","ru";']);
    for (const k of ['MATRIX', 'SUBJECT-CODE', 'DECIMALS', 'LAST-UPDATED', 'DATA']) expect(table.entries.some((e) => e.keyword === k), k).toBe(true);
    for (const k of TEXT_KEYWORDS) {
      expect(pxKeywordText(table, k), k).toBeTruthy();
      expect(pxKeywordText(table, k, 'ru'), `${k}[ru]`).toBeTruthy();
    }
    for (const k of ['VALUES', 'CODES', 'TIMEVAL', 'CELLNOTE']) {
      expect(table.entries.filter((e) => e.keyword === k && e.lang === 'ru').length, `${k}[ru]`).toBe(table.entries.filter((e) => e.keyword === k && e.lang === null).length);
    }
    expect(pxKeywordText(table, 'LAST-UPDATED')).toBe('20130630 00:00');
    expect(pxKeywordText(table, 'TITLE', 'ru')).toBe('T04. Иммигранты по стране предыдущего проживания, типу миграции, полу, стране и году');
    expect([2, 3, 4].map((n) => pxKeywordText(table, `DATASYMBOL${n}`))).toEqual(['not available', 'not applicable', 'confidential']);
    expect(table.views.get('ru')!.stub.map((v) => v.name)).toEqual(['Отчитывающаяся страна', 'Тип миграции', 'Страна предыдущего проживания']);
    expect(text.endsWith(';\r\n')).toBe(true);
  });

  it('keeps every line within the specification and ends each with CRLF', () => {
    for (const t of model.tableSet.tables) {
      const lines = written(t.id).bytes.toString('utf8').split('\r\n');
      expect(lines.pop()).toBe('');
      for (const line of lines) {
        expect(Buffer.byteLength(line), `${t.id}: ${line.slice(0, 40)}`).toBeLessThanOrEqual(MAX_LINE);
        expect(line.includes('\n') || line.includes('\r')).toBe(false);
      }
    }
  });

  it('splits long text into lines that join back to it, and turns a double quote into an apostrophe', () => {
    const long = `Immigrants "registered" ${'by country of previous residence and sex '.repeat(12)}end`;
    const tableSet = { ...model.tableSet, tables: model.tableSet.tables.map((t) => (t.id === 'T04' ? { ...t, title_en: long } : t)) };
    const { bytes, table } = written('T04', fixtureModel({ tableSet }));
    expect(pxKeywordText(table, 'CONTENTS')).toBe(long.replace(/"/g, "'").trim());
    expect(bytes.toString('utf8').split('\r\n').filter((l) => l.startsWith('"')).length).toBeGreaterThan(2);
  });

  it('holds every published observation: numbers, the dot codes, "-" for a reported nil, cell notes for E, P, B and derived values', () => {
    for (const t of model.tableSet.tables) expect(comparePxWithObservations(written(t.id).table, tableDef(t.id), rowsOf(t.id), 20, kindOf), t.id).toEqual([]);
    const t01 = written('T01').table;
    const cells = new Map([...pxCells(t01)].map(({ at, cell }) => [at.join(','), cell]));
    // GEO, ARM, 2011|2012, _T|M|F: T01 has no migration type
    expect(cells.get('0,0,1,1')).toEqual({ kind: 'symbol', symbol: '..' });
    expect(cells.get('0,0,1,2')).toEqual({ kind: 'symbol', symbol: '-' });
    expect(cells.get('0,0,1,0')).toEqual({ kind: 'number', value: 2500 });
    const t04 = written('T04').table;
    const notes = t04.entries.filter((e) => e.keyword === 'CELLNOTE').map((e) => `${e.lang ?? 'en'} ${e.subkeys.join('|')} ${e.items[0]?.kind === 'text' ? e.items[0].text : ''}`);
    expect(notes).toEqual([
      'en Armenia|Migrants by the national definition|Russian Federation|2012|Total estimated',
      'ru Армения|Мигранты по национальному определению|Российская Федерация|2012|Всего оценка',
      'en Armenia|Migrants by the national definition|Clearing House countries|2012|Total derived: computed by the Clearing House from the reported parts, not reported by the country',
      'ru Армения|Мигранты по национальному определению|Страны Информационного центра|2012|Всего расчётное значение: вычислено Информационным центром из представленных данных, страной не представлено',
    ]);
  });

  it('finds a PX cell that differs from the observations', () => {
    const { bytes } = written('T04');
    const tampered = readPx(Buffer.from(bytes.toString('utf8').replace(/\b5100\b/, '5101'), 'utf8'));
    expect(tampered.ok).toBe(true);
    if (tampered.ok) expect(comparePxWithObservations(tampered.table, tableDef('T04'), rowsOf('T04'), 20, kindOf)).toEqual(['ARM|NAT|_T|2012|_T: 5101 in PX, 5100 published']);
  });

  it('takes the last of two observations of one key, as the published model does', () => {
    const rows = rowsOf('T04');
    const last = rows.find((o) => o.obs_value === 5100)!;
    const earlier = { ...last, obs_value: 1 };
    expect(comparePxWithObservations(written('T04').table, tableDef('T04'), [earlier, ...rows], 20, kindOf)).toEqual([]);
    expect(comparePxWithObservations(written('T04').table, tableDef('T04'), [...rows, earlier], 20, kindOf)).toEqual(['ARM|NAT|_T|2012|_T: 5100 in PX, 1 published']);
  });

  it('gives the differences in the order of DATA, up to the limit', () => {
    const { bytes } = written('T04');
    const text = bytes.toString('utf8');
    const data = text.indexOf('DATA=');
    // every number of DATA one more: each cell differs
    const tampered = readPx(Buffer.from(text.slice(0, data) + text.slice(data).replace(/\b\d+\b/g, (n) => String(Number(n) + 1)), 'utf8'));
    if (!tampered.ok) throw new Error(JSON.stringify(tampered.problems));
    const all = comparePxWithObservations(tampered.table, tableDef('T04'), rowsOf('T04'), 10_000, kindOf);
    expect(all.length).toBeGreaterThan(4);
    // the first four of all of them, whatever the order of the observations
    const reversed = [...rowsOf('T04')].reverse();
    expect(comparePxWithObservations(tampered.table, tableDef('T04'), reversed, 4, kindOf)).toEqual(all.slice(0, 4));
    const view = tampered.table.views.get(tampered.table.language || 'default')!;
    const variables = [...view.stub, ...view.heading];
    const at = (d: string) => d.split(':')[0]!.split('|').reduce((n, code, i) => n * variables[i]!.codes!.length + variables[i]!.codes!.indexOf(code), 0);
    expect(all.map(at)).toEqual(all.map(at).sort((a, b) => a - b));
  });

  it('finds a hole, a cell note and an observation the PX file gets wrong', () => {
    const { bytes } = written('T04');
    const text = bytes.toString('utf8');
    const check = (source: string) => {
      const r = readPx(Buffer.from(source, 'utf8'));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return comparePxWithObservations(r.table, tableDef('T04'), rowsOf('T04'), 20, kindOf);
    };
    // the first DATA cell is ".." (not available); "..." would say the country cannot exist there
    const data = text.indexOf('DATA=');
    const first = text.indexOf('".."', data);
    expect(check(text.slice(0, first) + '"..."' + text.slice(first + 4))[0]).toMatch(/: "\.\.\." in PX, "\.\." published$/);
    const note = /CELLNOTE\("Armenia","Migrants by the national definition","Russian Federation","2012","Total"\)="estimated";\r\n/;
    expect(text).toMatch(note);
    expect(check(text.replace(note, ''))).toEqual(['ARM|NAT|RUS|2012|_T: cell note "" in PX, "estimated" published']);
    const unknown = rowsOf('T04').map((o, i) => (i === 0 ? { ...o, partner: 'ATA' } : o));
    const r = readPx(bytes);
    expect(r.ok && comparePxWithObservations(r.table, tableDef('T04'), unknown, 20, kindOf)).toContain('1 published observations have no cell in the PX file');
  });
});
