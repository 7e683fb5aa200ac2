import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { MCH_BIN, mchIn as mch, namedPipe } from './testing';


const PUBLISHED = 'data/releases/2011.1';
const scratch = mkdtempSync(join(tmpdir(), 'mch-contract-'));
mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
const inRepo = mkdtempSync(join(REPO_ROOT, 'tmp', 'mch-contract-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(inRepo, { recursive: true, force: true });
});

describe('the command line keeps its contract', { timeout: 120_000 }, () => {
  it('takes paths from where the user stands, run directly or as `pnpm mch`', () => {
    const packages = join(REPO_ROOT, 'packages');
    expect(mch(['verify', `../${PUBLISHED}`], { cwd: packages }).code).toBe(0);
    // pnpm starts the script in the root and says in INIT_CWD where the user typed it
    const viaPnpm = mch(['verify', `../${PUBLISHED}`], { env: { npm_lifecycle_event: 'mch', INIT_CWD: packages } });
    expect(viaPnpm.code, viaPnpm.stderr).toBe(0);
  });

  it('never overwrites a file it did not make: a filled questionnaire stays', () => {
    const filled = join(scratch, 'ARM_filled.xlsx');
    writeFileSync(filled, 'the filled questionnaire');
    const r = mch(['template', '--country', 'ARM', '--years', '2012', '--out', filled]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out "${filled}" already exists; mch does not overwrite it`);
    expect(readFileSync(filled, 'utf8')).toBe('the filled questionnaire');
  });

  it('writes a release only into a folder of its own: a file or a folder of other files is refused, each for what it is', () => {
    const file = join(scratch, 'a-file.txt');
    writeFileSync(file, 'kept');
    const onFile = mch(['release', 'pipelines/mch/2011.1.yaml', '--out', file]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain(`--out "${file}" is a file; a release is a folder of files`);
    const folder = join(scratch, 'other-files');
    mkdirSync(folder);
    writeFileSync(join(folder, 'ARM.xlsx'), 'a questionnaire');
    const onFolder = mch(['release', 'pipelines/mch/2011.1.yaml', '--out', folder]);
    expect(onFolder.code).toBe(2);
    expect(onFolder.stderr).toContain(`--out "${folder}" is a folder that already holds ARM.xlsx; a release is written into a folder of its own`);
    expect(onFolder.stderr).not.toContain('already exists');
    expect(readFileSync(join(folder, 'ARM.xlsx'), 'utf8')).toBe('a questionnaire');
    expect(readFileSync(file, 'utf8')).toBe('kept');
    const link = join(scratch, 'link-to-empty');
    mkdirSync(join(scratch, 'empty-target'));
    symlinkSync(join(scratch, 'empty-target'), link);
    const onLink = mch(['release', 'pipelines/mch/2011.1.yaml', '--out', link]);
    expect(onLink.code).toBe(2);
    expect(onLink.stderr).toContain(`--out "${link}" is a link`);
  });

  it('loads the workbook and PDF libraries only for a command that writes a workbook or a PDF', () => {
    // NODE_DEBUG=module names every module Node loads, on stderr
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, [MCH_BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, MCH_QUIET: '1', NODE_DEBUG: 'module' } });
      return { code: r.status, exceljs: /node_modules[\\/]exceljs[\\/]/.test(r.stderr), pdfmake: /node_modules[\\/]pdfmake[\\/]/.test(r.stderr) };
    };
    expect(loaded(['verify', PUBLISHED])).toEqual({ code: 0, exceljs: false, pdfmake: false });
    expect(loaded(['diff', PUBLISHED, PUBLISHED])).toEqual({ code: 0, exceljs: false, pdfmake: false });
    // and the check that they would be seen: the template command writes a workbook
    expect(loaded(['template', '--country', 'ARM', '--years', '2012', '--out', join(scratch, 'ARM_template.xlsx')])).toMatchObject({ code: 0, exceljs: true });
  });

  it('never writes into a published release', () => {
    const csv = join(REPO_ROOT, PUBLISHED, 'data', 'observations.csv');
    const before = readFileSync(csv);
    const r = mch(['ingest', 'data/raw/2011/ARM_questionnaire_2011.xlsx', '--country', 'ARM', '--out', `${PUBLISHED}/data`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out "${PUBLISHED}/data" is inside the published release`);
    expect(readFileSync(csv).equals(before)).toBe(true);
  });

  it('refuses an output that cannot be written with exit 2 naming it, and makes a missing folder', () => {
    const blocker = join(scratch, 'a-file');
    writeFileSync(blocker, '');
    const r = mch(['diff', PUBLISHED, PUBLISHED, '--out', join(blocker, 'x.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out "${join(blocker, 'x.csv')}" cannot be written: a part of the path is a file`);
    const fresh = join(scratch, 'no_dir', 'x.csv');
    const ok = mch(['diff', PUBLISHED, PUBLISHED, '--out', fresh]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(fresh, 'utf8').split('\n')[0]).toBe('ref_area,table,time_period,migr_type,sex,age,partner,old_value,new_value,old_status,new_status,change');
  });

  it('leaves no output behind when ingest reads nothing, and names the file', () => {
    const out = join(scratch, 'nothing');
    const r = mch(['ingest', 'packages/cli/src/fixtures/no-questionnaire.xlsx', '--country', 'ARM', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('packages/cli/src/fixtures/no-questionnaire.xlsx');
    expect(existsSync(out)).toBe(false);
  });

  it('checks every input of a configuration before any work, naming the field and the path', () => {
    const config = join(inRepo, 'missing.yaml');
    const gate = readFileSync(join(REPO_ROOT, 'packages/cli/src/fixtures/gate-release.yaml'), 'utf8');
    writeFileSync(config, gate.replace('packages/cli/src/fixtures/gate/ARM_gate.csv', 'data/raw/ARM_never_sent.csv'));
    const shown = relative(REPO_ROOT, config);
    const r = mch(['check', shown, '--out', join(scratch, 'reports')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${shown}: countries.ARM.files.0.path: "data/raw/ARM_never_sent.csv" does not exist`);
    expect(r.stdout).not.toContain('gate');
    expect(existsSync(join(scratch, 'reports'))).toBe(false);
  });

  it('refuses a named pipe wherever a command would read one, at once, and still reads the regular files', () => {
    const pipe = (...p: string[]) => {
      mkdirSync(join(...p, '..'), { recursive: true });
      return namedPipe(join(...p));
    };
    const config = relative(REPO_ROOT, pipe(inRepo, 'fifo.yaml'));
    const report = pipe(scratch, 'fifo', 'report.json');
    const manifest = join(scratch, 'fifo-manifest');
    pipe(manifest, 'datapackage.json');
    const csv = join(scratch, 'fifo-csv');
    pipe(csv, 'data', 'observations.csv');
    const runs: [string[], string][] = [
      [['status', config], config],
      [['check', config], config],
      [['ingest', 'data/raw/2011/ARM_questionnaire_2011.xlsx', '--country', 'ARM', '--config', config, '--out', join(scratch, 'fifo-in')], config],
      [['template', '--country', 'ARM', '--years', '2011', '--config', config, '--out', join(scratch, 'fifo.xlsx')], config],
      [['waive', report, 'MCH-A01:x', '--reason', 'r', '--approved-by', 'me'], report],
      [['verify', manifest], `${manifest}/datapackage.json`],
      [['reproduce', manifest], `${manifest}/datapackage.json`],
      [['diff', PUBLISHED, csv], `${csv}/data/observations.csv`],
      [['template', '--country', 'ARM', '--years', '2011', '--prefill', csv, '--out', join(scratch, 'fifo-prefill.xlsx')], `${csv}/data/observations.csv`],
    ];
    for (const [args, named] of runs) {
      const r = mch(args, { timeout: 30_000 });
      expect(r.code, `mch ${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`"${named}" is not a regular file (a named pipe)`);
    }
    expect(existsSync(join(scratch, 'fifo-in'))).toBe(false);
    // the same commands on regular files read them
    expect(mch(['diff', PUBLISHED, PUBLISHED], { timeout: 30_000 }).code).toBe(0);
  });

  it('says plainly that a path is no release folder, and names the release whose file is broken', () => {
    const file = join(scratch, 'CHANGES.md');
    writeFileSync(file, 'a file');
    const none = join(scratch, 'no-such-release');
    expect(mch(['reproduce', none]).stderr).toContain(`"${none}" is not a release folder (no such folder)`);
    expect(mch(['reproduce', file]).stderr).toContain(`"${file}" is a file, not a release folder`);
    expect(mch(['verify', file]).stderr).toContain(`"${file}" is a file, not a release folder`);
    const diff = mch(['diff', none, PUBLISHED]);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain(`"${none}" is not a release folder (no such folder)`);
    expect(diff.stderr).not.toMatch(/ENOENT|ENOTDIR/);
    const broken = join(scratch, 'broken-release');
    mkdirSync(join(broken, 'data'), { recursive: true });
    writeFileSync(join(broken, 'data', 'observations.csv'), 'ref_area,table\nARM,T01\n');
    const bad = mch(['diff', PUBLISHED, broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`mch: ${broken}/data/observations.csv: the header is not ref_area,`);
    const prefill = mch(['template', '--country', 'ARM', '--years', '2011', '--prefill', broken, '--out', join(scratch, 'broken.xlsx')]);
    expect(prefill.stderr).toContain(`mch: ${broken}/data/observations.csv: the header is not`);
  });

  it('ends quietly when the reader of its output goes away (mch … | head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${MCH_BIN}" status packages/cli/src/fixtures/gate-release.yaml | head -1; echo "exit \${PIPESTATUS[0]}"`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, MCH_QUIET: '1' },
    });
    expect(r.stdout).toBe('files received:\nexit 0\n');
    expect(r.stderr).toBe('');
  });
});
