import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertReleaseCsvReadable, readReleaseCsv } from './release-csv';

const dir = mkdtempSync(join(tmpdir(), 'mch-release-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assertReleaseCsvReadable', () => {
  it('refuses, as too large (exit 2), a file above what one read may hold, naming it', () => {
    const csv = join(dir, 'observations.csv');
    writeFileSync(csv, 'x'.repeat(2000));
    expect(() => assertReleaseCsvReadable(csv, 'data/releases/2020.1/data/observations.csv', 1000)).toThrow(
      expect.objectContaining({ code: 'too-large', exitCode: 2, where: 'data/releases/2020.1/data/observations.csv' }),
    );
    expect(() => assertReleaseCsvReadable(csv, 'x', 2000)).not.toThrow();
    expect(readReleaseCsv(csv, 'x').length).toBe(2000);
  });
});
