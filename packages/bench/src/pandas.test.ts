import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeLists, ReleaseConfig, TableSet, parseYamlWith } from '@mch/core';
import { harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { runQuality } from '@mch/quality';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareWorkspace } from './workspace';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const read = (p: string) => readFileSync(join(repo, p), 'utf8');
const codelists = parseYamlWith(CodeLists, read('pipelines/mch/codelists.yaml'), 'codelists.yaml');
const tableSet = parseYamlWith(TableSet, read('pipelines/mch/tables.yaml'), 'tables.yaml');
// asked from an empty folder: from packages/bench, `import pandas` would find the folder pandas/ of
// scripts beside it (a namespace package) and pass without the library
const dir = mkdtempSync(join(tmpdir(), 'mch-bench-pandas-'));
const python = spawnSync('python3', ['-c', 'import pandas, openpyxl, yaml; pandas.DataFrame'], { cwd: dir, encoding: 'utf8' });
// the reason goes in the test's name in parentheses (scripts/test-report.mjs), so none inside it
const why = python.status === 0 ? undefined : `python3 with pandas, openpyxl and PyYAML is not installed: ${(python.stderr || String(python.error)).trim().split('\n').at(-1)?.replace(/[()]/g, '')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CSV lines split into fields (the harmonised file quotes only its raw-text column, last but one). */
const csvRows = (text: string) => text.trim().split('\n').slice(1);

// the pandas script is a yardstick only while it does the work mch does: the same rows in, the same derived rows and mirror pairs out
describe.skipIf(why)(`chain.py against mch's stages on the same input${why ? ` (skipped: ${why})` : ''}`, () => {
  it('derives the observations harmonise derives and compares the mirror pairs M01 compares', async () => {
    const ws = await prepareWorkspace(repo, join(dir, 'ws'), 'S', codelists, 2);
    const out = join(dir, 'pandas');
    const run = spawnSync('python3', [join(repo, 'packages/bench/pandas/chain.py'), ws.config, out], { cwd: ws.root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const config = ReleaseConfig.parse(JSON.parse(readFileSync(join(ws.root, ws.config), 'utf8')));
    const countries = [];
    for (const f of ws.files) {
      const settings = config.countries[f.ref_area]!;
      const file = settings.files[0]!;
      const result = await ingestFile({ path: f.path, bytes: readFileSync(join(ws.root, f.path)) }, { ref_area: f.ref_area, tableSet, codelists, settings });
      countries.push({ ref_area: f.ref_area, files: [{ file, result }] });
    }
    const data = harmonise({ config, tableSet, codelists, breaks: [], countries });
    const lines = csvRows(readFileSync(join(out, 'data', 'observations.csv'), 'utf8'));
    expect(lines).toHaveLength(data.observations.length);
    // derived is the 13th column; source_raw (quoted, may hold commas) comes after it
    const derived = lines.filter((l) => l.split(',')[12] === 'true').length;
    expect(derived).toBe(data.observations.filter((o) => o.derived).length);
    expect(derived).toBeGreaterThan(0);
    const report = runQuality({ config, tableSet, codelists, data, breaks: [], history: [] });
    const pairs = csvRows(readFileSync(join(out, 'quality', 'mirror.csv'), 'utf8'));
    // the script compares every sex; mch compares the same pairs and counts a pair and year once, by its total
    expect(pairs.length).toBe(report.mirror.filter((m) => m.immigration !== null && m.emigration !== null).length);
    expect(pairs.filter((l) => l.split(',')[3] === '_T').length).toBe(report.rules.find((r) => r.id === 'MCH-M01')!.checked);
    expect(readFileSync(join(out, 'tables', 'T04.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);
});
