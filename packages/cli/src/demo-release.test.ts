import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { formatAgreement, hasPdftotext, publishedTexts, sheetRows, untrueStatements } from '@mch/publish/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedRelease } from './testing';

// The demonstration releases read as their readers read them: release 2013.1 built now, and
// release 2011.1 as committed (the repository's published past release).
let built = '';
const past = join(REPO_ROOT, 'data', 'releases', '2011.1');
const needsPdf = !hasPdftotext() && process.env.CI !== 'true';

beforeAll(async () => {
  built = (await sharedRelease('pipelines/mch/2013.1.yaml')).dir;
}, 240_000);

const sheet = sheetRows;

describe.each([
  ['2013.1', () => built, '2013-11-15', [2009, 2010, 2011, 2012]],
  ['2011.1', () => past, '2011-11-15', [2009, 2010]],
] as const)('demonstration release %s', (_name, dir, date, years) => {
  it('says every figure the same in observations.csv, SDMX-CSV, the workbooks and PX', async () => {
    const agreement = await formatAgreement(dir());
    expect(agreement.disagreements).toEqual([]);
    expect(agreement.compared).toBeGreaterThan(10_000);
    expect(agreement.cells).toEqual({ sdmx: agreement.compared, xlsx: agreement.compared, px: agreement.compared });
  });

  it.skipIf(needsPdf)('names no year after its release date and no break outside its reference years (needs poppler pdftotext)', async () => {
    const manifest = JSON.parse(readFileSync(join(dir(), 'datapackage.json'), 'utf8'));
    expect(manifest.mch.release_date).toBe(date);
    expect(untrueStatements(await publishedTexts(dir()), date, years)).toEqual([]);
  });
});

describe('each country series described by its own definition', () => {
  it('labels Georgia by border crossings, the Russian Federation by its 2011 rule and Armenia short-term by the UN short-term basis', async () => {
    const label = (rows: string[][], type: string) => [...new Set(rows.filter((r) => r[0] === type).map((r) => r[1]))];
    expect(label(await sheet(built, 'T04', 'GEO'), 'NAT')).toEqual([expect.stringContaining('border-crossing data with a duration rule (BORDER)')]);
    const rus = label(await sheet(built, 'T04', 'RUS'), 'NAT');
    expect(rus).toEqual([expect.stringMatching(/\(PERM_REG\) 2009–2010; .*\(STAY_REG_9M\) 2011–2012/)]);
    const arm = await sheet(built, 'T04', 'ARM');
    expect(label(arm, 'ST')).toEqual([expect.stringContaining('(UN_ST3_12)')]);
    expect(label(arm, 'LT')).toEqual([expect.stringContaining('(UN_LT12)')]);
    const sdmx = readFileSync(join(built, 'sdmx', 'mch.csv'), 'utf8').split('\n');
    const header = sdmx[0]!.split(',');
    const [type, basis] = [header.indexOf('MIGR_TYPE'), header.indexOf('DEF_BASIS')];
    const lt = new Set(['UN_LT12', 'REG_LT12']);
    for (const line of sdmx.slice(1).filter(Boolean)) {
      const f = line.split(',');
      const t = f[type]!;
      const b = f[basis]!;
      if (t === 'LT') expect(lt.has(b), line).toBe(true);
      if (t === 'ST') expect(b, line).toBe('UN_ST3_12');
      if (t === 'NAT') expect(['PERM_REG', 'STAY_REG_9M', 'BORDER', 'OTHER'], line).toContain(b);
    }
  });

  it('lists partners in questionnaire order with aggregates after the total, derived values marked', async () => {
    const rows = (await sheet(built, 'T04', 'KAZ')).filter((r) => r[0] === 'NAT');
    const codes = rows.map((r) => r[2]!);
    expect(codes.slice(0, 3)).toEqual(['ARM', 'AZE', 'BLR']);
    const total = codes.indexOf('_T');
    for (const aggregate of ['MCH12', 'FSU15', 'CIS', 'BALT']) if (codes.includes(aggregate)) expect(codes.indexOf(aggregate), aggregate).toBeGreaterThan(total);
    expect(codes.indexOf('OTH')).toBeLessThan(total);
    expect(codes.indexOf('OTH')).toBeGreaterThan(codes.indexOf('GRC'));
  });
});
