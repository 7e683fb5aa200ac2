import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';

/** Runs the real command the way a user does, from the repository root. */
function mch(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, MCH_QUIET: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'mch-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('mch command line', { timeout: 120_000 }, () => {
  it('shows help for the command and every subcommand', () => {
    const top = mch('--help');
    expect(top.code).toBe(0);
    for (const sub of ['ingest', 'check', 'release', 'verify', 'diff', 'status', 'waive']) {
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
  });

  it('refuses a file that cannot be read with exit 2 and names it', () => {
    const bad = join(scratch, 'renamed.xlsx');
    writeFileSync(bad, 'REF_AREA,TABLE\nARM,T04\n');
    const r = mch('ingest', bad, '--country', 'ARM', '--out', join(scratch, 'bad'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('renamed.xlsx');
  });

  it('publishes a release once, refuses to overwrite it, and verify detects a changed file', () => {
    const target = join(scratch, 'release-2011.1');
    const first = mch('release', 'pipelines/mch/2011.1.yaml', '--out', target);
    expect(first.code, first.stderr).toBe(0);
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
  });
});
