import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Observation, toCsv } from '@mch/core';
import { REPO_ROOT } from '@mch/core/testing';
import { type IngestedFile, harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { describe, expect, it } from 'vitest';
import { loadReleaseConfig } from './pipeline/config';
import { readInputFile } from './pipeline/inputs';

/**
 * The whole demonstration release, harmonised, held as a golden file: any change to what ingest
 * or harmonise produce shows here cell by cell. Regenerate deliberately with UPDATE_GOLDEN=1.
 */
const GOLDEN = join(REPO_ROOT, 'packages/cli/src/fixtures/golden/harmonised-2013.1.csv.gz');
const COLUMNS = [
  'ref_area', 'table', 'time_period', 'migr_type', 'sex', 'age', 'partner', 'obs_value', 'obs_status', 'conf_status',
  'definition_basis', 'unit_mult', 'derived', 'note_refs', 'reference_date', 'territory', 'source_file', 'source_sheet', 'source_cell', 'source_raw',
];

function row(o: Observation): string[] {
  return [
    o.ref_area, o.table, String(o.time_period), o.migr_type, o.sex, o.age, o.partner, o.obs_value === null ? '' : String(o.obs_value),
    o.obs_status, o.conf_status, o.definition_basis, String(o.unit_mult), String(o.derived), o.note_refs.join('|'), o.reference_date ?? '',
    o.territory ?? '', o.source?.file ?? '', o.source?.sheet ?? '', o.source?.cell ?? '', o.source?.raw ?? '',
  ];
}

async function harmonisedDemo(): Promise<string> {
  const loaded = loadReleaseConfig(REPO_ROOT, 'pipelines/mch/2013.1.yaml');
  const countries: { ref_area: string; files: IngestedFile[] }[] = [];
  for (const [ref_area, settings] of Object.entries(loaded.config.countries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!settings) continue;
    const files: IngestedFile[] = [];
    for (const file of settings.files) {
      const read = readInputFile(REPO_ROOT, file, 'golden');
      files.push({ file, result: await ingestFile({ path: read.path, bytes: read.bytes }, { ref_area, tableSet: loaded.tableSet, codelists: loaded.codelists, settings }) });
    }
    countries.push({ ref_area, files });
  }
  const data = harmonise({ config: loaded.config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks, countries });
  return toCsv(COLUMNS, data.observations.map(row));
}

describe('harmonised demonstration release (golden file)', () => {
  it('matches the golden file row by row', { timeout: 120_000 }, async () => {
    const actual = await harmonisedDemo();
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      if (process.env.CI === 'true') throw new Error(`golden file ${GOLDEN} is missing; run UPDATE_GOLDEN=1 locally and commit it`);
      writeFileSync(GOLDEN, gzipSync(actual, { level: 9 }));
    }
    const expected = gunzipSync(readFileSync(GOLDEN)).toString('utf8');
    if (actual !== expected) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const diffs: string[] = [];
      for (let i = 0; i < Math.max(a.length, e.length) && diffs.length < 10; i++) {
        if (a[i] !== e[i]) diffs.push(`line ${i + 1}\n  golden: ${e[i]}\n  actual: ${a[i]}`);
      }
      expect.fail(`harmonised output differs from the golden file (${a.length} rows now, ${e.length} in the golden file):\n${diffs.join('\n')}`);
    }
  });
});
