import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCountryCsv } from './generate';

const dir = mkdtempSync(join(tmpdir(), 'mch-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('benchmark input generator', () => {
  it('writes the same bytes for the same seed and other bytes for another', async () => {
    const args = [['ARM', 'KAZ', 'OTH'], [2010, 2011]] as const;
    await writeCountryCsv(join(dir, 'a.csv'), 'RUS', ...args, 7);
    await writeCountryCsv(join(dir, 'b.csv'), 'RUS', ...args, 7);
    await writeCountryCsv(join(dir, 'c.csv'), 'RUS', ...args, 8);
    expect(readFileSync(join(dir, 'a.csv'))).toEqual(readFileSync(join(dir, 'b.csv')));
    expect(readFileSync(join(dir, 'a.csv'))).not.toEqual(readFileSync(join(dir, 'c.csv')));
  });

  it('keeps the sex and partner identities, so the benchmark checks real sums', async () => {
    const rows = await writeCountryCsv(join(dir, 'd.csv'), 'RUS', ['ARM', 'KAZ', 'OTH'], [2010], 1);
    const lines = readFileSync(join(dir, 'd.csv'), 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(rows);
    const value = (t: string, sex: string, p: string) => Number(lines.find((l) => l.startsWith(`RUS,${t},2010,`) && l.includes(`,${sex},,${p},`))!.split(',')[7]);
    for (const t of ['T01', 'T04']) {
      expect(value(t, '_T', '_T')).toBe(value(t, 'M', '_T') + value(t, 'F', '_T'));
      const partners = ['ARM', 'KAZ', 'OTH'];
      expect(value(t, 'M', '_T')).toBe(partners.reduce((s, p) => s + value(t, 'M', p), 0));
    }
  });
});
