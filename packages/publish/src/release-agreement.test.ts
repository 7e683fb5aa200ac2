import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRelease } from './release';
import { formatAgreement } from './testing/agreement';
import { fixtureModel } from './testing/fixture';

const scratch = mkdtempSync(join(tmpdir(), 'mch-agree-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('one figure in every format', () => {
  it('gives every observation the same value, status and marks in observations.csv, SDMX-CSV, the workbooks and PX', async () => {
    const dir = join(scratch, 'ok');
    await writeRelease(fixtureModel(), dir);
    const agreement = await formatAgreement(dir);
    expect(agreement.disagreements).toEqual([]);
    expect(agreement.cells.sdmx).toBe(agreement.compared);
    expect(agreement.cells.xlsx).toBe(agreement.compared);
    expect(agreement.cells.px).toBe(agreement.compared);
  });

  it('catches a value in thousands that SDMX would read 1 000 times too large', async () => {
    const dir = join(scratch, 'tampered');
    await writeRelease(fixtureModel(), dir);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const path = join(dir, 'sdmx', 'mch.csv');
    // the fault of release 2013.1: a value converted to persons that still says UNIT_MULT=3
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(',RUS,3456,'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace(',3456,PS,0,', ',3456,PS,3,');
    writeFileSync(path, lines.join('\n'));
    const agreement = await formatAgreement(dir);
    expect(agreement.disagreements).toEqual([expect.stringContaining('3456000 against 3456')]);
  });
});
