import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { mch, sharedRelease } from './testing';

const scratch = mkdtempSync(join(tmpdir(), 'mch-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('mch command line', { timeout: 120_000 }, () => {
  it('shows help for the command and every subcommand', () => {
    const top = mch('--help');
    expect(top.code).toBe(0);
    for (const sub of ['ingest', 'check', 'release', 'verify', 'reproduce', 'diff', 'status', 'waive', 'template']) {
      expect(top.stdout).toContain(sub);
      const help = mch(sub, '--help');
      expect(help.code, sub).toBe(0);
      expect(help.stdout).toContain(`mch ${sub}`);
    }
  });

  it('exits 2 on a usage error and an unknown command', () => {
    expect(mch('release').code).toBe(2);
    expect(mch('publish-everything').code).toBe(2);
  });

  it('refuses an invalid configuration with exit 2, listing every problem with its field', () => {
    const r = mch('check', 'packages/cli/src/fixtures/invalid-config.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('packages/cli/src/fixtures/invalid-config.yaml: version:');
    expect(r.stderr).toContain('release_date:');
    expect(r.stderr).toContain('table_set: a path inside the repository');
    expect(r.stderr).toMatch(/countries\.ARM.*colour/);
  });

  it('refuses a configuration outside the repository', () => {
    const outside = join(scratch, 'x.yaml');
    writeFileSync(outside, 'version: "2013.1"\n');
    const r = mch('check', outside);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outside the repository');
  });

  it('ingests a questionnaire and accounts for every value cell', () => {
    const out = join(scratch, 'ingest');
    const r = mch('ingest', 'data/raw/2011/ARM_questionnaire_2011.xlsx', '--country', 'ARM', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const file = summary.files[0];
    expect(file.value_cells).toBe(file.observations + file.rejections);
    expect(file.value_cells).toBeGreaterThan(1000);
    const rows = readFileSync(join(out, 'observations.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'ref_area,table,time_period,migr_type,sex,age,partner,obs_value,obs_status,conf_status,definition_basis,unit_mult,derived,note_refs,source_file,source_sha256,source_sheet,source_cell,source_raw',
    );
    expect(rows).toHaveLength(file.observations + 1);
    expect(r.stdout).toContain(`value cells read ${file.value_cells.toLocaleString('en').replace(/,/g, ' ')}`);
    expect(r.stdout).toMatch(/summary\.json\n/);
    expect(r.stderr).not.toContain('not in the outputs');
  });

  it('refuses a file that cannot be read with exit 2 and names it', () => {
    const bad = join(scratch, 'renamed.xlsx');
    writeFileSync(bad, 'REF_AREA,TABLE\nARM,T04\n');
    const r = mch('ingest', bad, '--country', 'ARM', '--out', join(scratch, 'bad'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('renamed.xlsx');
  });

  it('reads the other files of a run when one cannot be read at all, exits 2 naming it, and says the outputs lack it', () => {
    const out = join(scratch, 'several');
    const renamed = join(scratch, 'b.xlsx');
    writeFileSync(renamed, 'REF_AREA,TABLE\nARM,T04\n');
    const broken = join(scratch, 'broken.xlsx');
    // the first 2 000 bytes of a real workbook: a zip cut off in the middle
    writeFileSync(broken, readFileSync(join(REPO_ROOT, 'data/raw/2011/ARM_questionnaire_2011.xlsx')).subarray(0, 2000));
    const csv = join(scratch, 'c.csv');
    writeFileSync(csv, 'TABLE;TIME_PERIOD;SEX;PARTNER;OBS_VALUE\nT02;2012;F;Germany;12\nT02;2012;M;Atlantis;3\n');
    const r = mch('ingest', 'data/raw/2011/ARM_questionnaire_2011.xlsx', renamed, broken, csv, '--country', 'ARM', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${renamed} cannot be read: it is named as an Excel workbook but is not one`);
    expect(r.stderr).toContain(`${broken} cannot be read as an Excel workbook: the archive is truncated`);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { file: string; accounted: boolean }) => [f.file, f.accounted])).toEqual([
      ['data/raw/2011/ARM_questionnaire_2011.xlsx', true],
      [csv, true],
    ]);
    expect(summary.unreadable.map((u: { file: string }) => u.file)).toEqual([renamed, broken]);
    const rows = readFileSync(join(out, 'observations.csv'), 'utf8');
    expect(rows).toContain(',T02,2012,,F,,DEU,12,');
    expect(readFileSync(join(out, 'rejections.csv'), 'utf8')).toContain('unmapped-label');
    expect(r.stdout).toMatch(/c\.csv \(csv, sha256 [0-9a-f]{12}…\)\n {2}value cells read 2 = observations 1 \+ rejections 1/);
    // before, "wrote …" alone: the user took the outputs for the whole run, and the run with the fixed files was refused unexplained
    expect(r.stdout).toContain('summary.json, of 2 of the 4 files');
    expect(r.stderr).toContain(`the 2 files above are not in the outputs written to ${out}/, which hold the other 2 of the 4 files; once fixed, run again with every file and a new --out`);
  });

  it('writes the blank questionnaire, which ingest reads back as empty', () => {
    const file = join(scratch, 'template', 'KGZ.xlsx');
    const t = mch('template', '--country', 'KGZ', '--years', '2011,2012', '--date', '2013-02-01', '--out', file);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toContain('the questionnaire for KGZ, years 2011, 2012, 11 table sheets');
    const r = mch('ingest', file, '--country', 'KGZ', '--out', join(scratch, 'template-read'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('value cells read 0 = observations 0 + rejections 0');
    expect(mch('template', '--country', 'KGZ', '--years', 'last', '--out', file).code).toBe(2);
  });

  it('publishes a release once, refuses to overwrite it, and verify detects a changed file', async () => {
    const { dir: target, stdout } = await sharedRelease('pipelines/mch/2011.1.yaml');
    const digest = /manifest digest sha256:([0-9a-f]{64})/.exec(stdout)![1]!;
    for (const f of ['datapackage.json', 'data/observations.csv', 'tables/T04.xlsx', 'notes/methodology.en.pdf', 'quality/report.json']) {
      expect(existsSync(join(target, f)), f).toBe(true);
    }
    const again = mch('release', 'pipelines/mch/2011.1.yaml', '--out', target);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');

    expect(mch('verify', target).code).toBe(0);
    const copy = join(scratch, 'tampered');
    cpSync(target, copy, { recursive: true });
    writeFileSync(join(copy, 'CHANGES.md'), 'edited\n');
    const tampered = mch('verify', copy);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('changed  CHANGES.md');

    // one byte of the manifest itself, then the manifest and its digest file rewritten together
    const manifest = join(target, 'datapackage.json');
    expect(mch('verify', target, '--digest', digest).code).toBe(0);
    const edited = join(scratch, 'edited');
    cpSync(target, edited, { recursive: true });
    writeFileSync(join(edited, 'datapackage.json'), readFileSync(manifest, 'utf8').replace('"2011-11-15"', '"2011-11-16"'));
    const date = mch('verify', edited);
    expect(date.code).toBe(1);
    expect(date.stdout).toContain('changed  datapackage.json');
    writeFileSync(join(edited, 'datapackage.json.sha256'), `${createHash('sha256').update(readFileSync(join(edited, 'datapackage.json'))).digest('hex')}  datapackage.json\n`);
    expect(mch('verify', edited).code).toBe(0);
    expect(mch('verify', edited, '--digest', digest).code).toBe(1);
  });
});
