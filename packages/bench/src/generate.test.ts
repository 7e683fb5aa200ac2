import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CountryInput, HEADER, writeCountryCsv } from './generate';

const dir = mkdtempSync(join(tmpdir(), 'mch-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const partners = [
  { code: 'ARM', label: 'ARM' },
  { code: 'KAZ', label: 'Kazakhstan' },
  { code: 'KOR', label: 'Korea, Republic of' },
];
const input = (ref_area: string, seed: number, years = [2010, 2011]): CountryInput => ({ ref_area, partners, years, seed });

/** The rows of a written file as fields, quotes undone (the generator quotes only a name with a comma). */
function rowsOf(path: string): string[][] {
  const lines = readFileSync(path, 'utf8').split('\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.at(-1)).toBe('');
  return lines.slice(1, -1).map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, 8).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

/** A written value as a number: separators and flags dropped; `-` and `x` are written for a zero only; `..` hides a value. */
const number = (text: string) => (text === '-' || text === 'x' ? 0 : /^\d/.test(text) ? Number(text.replace(/[\s\u00a0]|\*| p/g, '')) : null);

describe('benchmark input generator', () => {
  it('writes the same bytes for the same seed and other bytes for another', async () => {
    await writeCountryCsv(join(dir, 'a.csv'), input('RUS', 7));
    await writeCountryCsv(join(dir, 'b.csv'), input('RUS', 7));
    await writeCountryCsv(join(dir, 'c.csv'), input('RUS', 8));
    expect(readFileSync(join(dir, 'a.csv'))).toEqual(readFileSync(join(dir, 'b.csv')));
    expect(readFileSync(join(dir, 'a.csv'))).not.toEqual(readFileSync(join(dir, 'c.csv')));
  });

  it('counts its rows and writes every table, type and year, eight fields a row', async () => {
    const rows = await writeCountryCsv(join(dir, 'd.csv'), input('RUS', 1));
    const fields = rowsOf(join(dir, 'd.csv'));
    expect(fields).toHaveLength(rows);
    expect(fields.every((f) => f.length === 8)).toBe(true);
    expect(new Set(fields.map((f) => f[1]))).toEqual(new Set(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11']));
    expect(new Set(fields.filter((f) => f[1] === 'T05').map((f) => f[3]))).toEqual(new Set(['LT', 'ST', 'NAT']));
    expect(new Set(fields.map((f) => f[2]))).toEqual(new Set(['2010', '2011']));
    expect(fields.some((f) => f[6] === 'Korea, Republic of')).toBe(true);
  });

  it('keeps the sex and partner identities and shares a group total out among its tables', async () => {
    await writeCountryCsv(join(dir, 'e.csv'), input('RUS', 3, [2010]));
    const fields = rowsOf(join(dir, 'e.csv'));
    const cell = (table: string, type: string, sex: string, partner: string) => fields.find((f) => f[1] === table && f[3] === type && f[4] === sex && f[6] === partner)![7]!;
    // T05 writes sexes as codes; T04 in Russian
    const total = number(cell('T05', 'LT', '_T', 'Total'));
    expect(total).toBe(number(cell('T05', 'LT', 'M', 'Total'))! + number(cell('T05', 'LT', 'F', 'Total'))!);
    const rows = [...partners.map((p) => p.label), 'Other countries', 'Не указано', 'Stateless'].map((p) => number(cell('T05', 'LT', 'M', p)));
    expect(rows.every((v) => v !== null)).toBe(true);
    expect(number(cell('T05', 'LT', 'M', 'Total'))).toBe(rows.reduce((s, v) => s! + v!, 0));
    expect(number(cell('T04', 'LT', 'Мужчины', 'Total'))).toBe(number(cell('T05', 'LT', 'M', 'Total')));
  });
});
