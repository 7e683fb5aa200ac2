import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { namedPipe, refusalOf } from '../testing';
import { checkReleaseFolder, readReleaseObservations, refuseIrregularEntries } from './release-folder';

const scratch = mkdtempSync(join(tmpdir(), 'mch-release-folder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const at = (...p: string[]) => join(scratch, ...p);
const refusal = refusalOf;
const PUBLISHED = join(REPO_ROOT, 'data', 'releases', '2011.1');

describe('a release folder named on the command line', () => {
  writeFileSync(at('notes.md'), 'x');
  mkdirSync(at('pipe', 'data'), { recursive: true });
  namedPipe(at('pipe', 'datapackage.json'));
  namedPipe(at('pipe', 'data', 'observations.csv'));

  it('says plainly what the path is when it is no release, before anything is read', () => {
    const check = (path: string, needs = ['datapackage.json']) => refusal(() => checkReleaseFolder(path, 'R', needs));
    expect(check(at('none'))).toBe('"R" is not a release folder (no such folder)');
    expect(check(at('notes.md'))).toBe('"R" is a file, not a release folder');
    expect(check(at('notes.md', 'x'))).toBe('"R" is not a release folder (a part of the path is a file)');
    expect(check(scratch)).toBe('"R" is not a release folder: it has no datapackage.json');
    expect(check(at('pipe'))).toBe('"R/datapackage.json" is not a regular file (a named pipe)');
    expect(check(at('pipe'), ['data/observations.csv'])).toBe('"R/data/observations.csv" is not a regular file (a named pipe)');
    expect(refusal(() => checkReleaseFolder(at('none'), 'R', [], '--prefill'))).toBe('--prefill "R" is not a release folder (no such folder)');
    expect(check(PUBLISHED, ['datapackage.json', 'data/observations.csv'])).toBe('accepted');
  });

  it('refuses a named pipe anywhere in it, or a link to one; a link to a file is left to verify', () => {
    mkdirSync(at('links', 'notes'), { recursive: true });
    symlinkSync(at('notes.md'), at('links', 'notes', 'to-file.md'));
    expect(refusal(() => refuseIrregularEntries(at('links'), 'L'))).toBe('accepted');
    symlinkSync(at('pipe', 'datapackage.json'), at('links', 'notes', 'to-pipe.pdf'));
    expect(refusal(() => refuseIrregularEntries(at('links'), 'L'))).toBe('"L/notes/to-pipe.pdf" is not a regular file (a symbolic link to a named pipe); a release holds only regular files');
    expect(refusal(() => refuseIrregularEntries(at('pipe'), 'P'))).toMatch(/^"P\/.*" is not a regular file \(a named pipe\); a release holds only regular files \(and 1 more\)$/);
  });

  it("names the release whose observations.csv is broken, not observations.csv alone", () => {
    mkdirSync(at('broken', 'data'), { recursive: true });
    writeFileSync(at('broken', 'data', 'observations.csv'), 'ref_area,table\nARM,T01\n');
    expect(refusal(() => readReleaseObservations(at('broken'), 'data/releases/9.9'))).toMatch(/^data\/releases\/9\.9\/data\/observations\.csv: the header is not ref_area,/);
    expect(readReleaseObservations(PUBLISHED, 'data/releases/2011.1').length).toBeGreaterThan(1000);
  });
});
