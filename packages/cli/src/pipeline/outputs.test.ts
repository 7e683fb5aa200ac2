import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../testing';
import { undoPending } from '../interrupt';
import { newOutputFile, newOutputFiles, replaceFolder, writeWhole } from './outputs';

const scratch = mkdtempSync(join(tmpdir(), 'mch-outputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const at = (...p: string[]) => join(scratch, ...p);
const refusal = refusalOf;

describe('where a command may write', () => {
  writeFileSync(at('filled.xlsx'), 'a filled questionnaire');
  mkdirSync(at('release', 'data'), { recursive: true });
  writeFileSync(at('release', 'datapackage.json'), '{}');

  it('accepts a new file, in a folder still to be made', () => {
    expect(refusal(() => newOutputFile(at('new', 'KGZ.xlsx'), 'new/KGZ.xlsx', '--out'))).toBe('accepted');
  });

  it('refuses to overwrite a file it did not make, naming it', () => {
    expect(refusal(() => newOutputFile(at('filled.xlsx'), 'filled.xlsx', '--out'))).toBe('--out "filled.xlsx" already exists; mch does not overwrite it (choose another name or delete it)');
    expect(readFileSync(at('filled.xlsx'), 'utf8')).toBe('a filled questionnaire');
  });

  it('refuses anything inside a published release', () => {
    expect(refusal(() => newOutputFiles(at('release', 'data'), 'release/data', '--out', ['observations.csv']))).toBe(
      `--out "release/data" is inside the published release "${at('release')}"; a published release is never modified`,
    );
  });

  it('refuses a path that cannot be written, before any work', () => {
    expect(refusal(() => newOutputFile(at('filled.xlsx', 'x.csv'), 'filled.xlsx/x.csv', '--out'))).toMatch(/^--out "filled.xlsx\/x.csv" cannot be written: a part of the path is a file/);
  });

  it('refuses a folder already holding the outputs, and a file where a folder is meant', () => {
    mkdirSync(at('done'));
    writeFileSync(at('done', 'summary.json'), '{}');
    expect(refusal(() => newOutputFiles(at('done'), 'done', '--out', ['observations.csv', 'summary.json']))).toBe(
      '--out "done" already holds summary.json; mch does not overwrite them (choose another folder)',
    );
    expect(refusal(() => newOutputFiles(at('filled.xlsx'), 'filled.xlsx', '--out', ['summary.json']))).toBe('--out "filled.xlsx" is a file; it must name a folder');
  });
});

describe('writeWhole', () => {
  it('writes every file and leaves no temporary file behind', () => {
    writeWhole([
      { path: at('w', 'a.csv'), bytes: 'a' },
      { path: at('w', 'b.csv'), bytes: 'b' },
    ]);
    expect(readdirSync(at('w')).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('leaves nothing when one file cannot be written', () => {
    writeFileSync(at('blocker'), '');
    expect(() => writeWhole([{ path: at('x', 'a.csv'), bytes: 'a' }, { path: at('blocker', 'b.csv'), bytes: 'b' }])).toThrow();
    expect(readdirSync(at('x'))).toEqual([]);
  });
});

describe('replaceFolder', () => {
  const ours = (d: string) => existsSync(join(d, 'report.json'));
  const fill = (text: string) => async (temp: string) => writeFileSync(join(temp, 'report.json'), text);

  it('replaces the last reports as a whole', async () => {
    await replaceFolder(at('reports'), 'reports', '--out', ours, fill('first'));
    await replaceFolder(at('reports'), 'reports', '--out', ours, fill('second'));
    expect(readFileSync(at('reports', 'report.json'), 'utf8')).toBe('second');
    expect(readdirSync(scratch).filter((n) => n.startsWith('reports.'))).toEqual([]);
  });

  it('keeps the last reports when writing the new ones fails', async () => {
    const failing = async () => {
      throw new Error('disk full');
    };
    await expect(replaceFolder(at('reports'), 'reports', '--out', ours, failing)).rejects.toThrow('disk full');
    expect(readFileSync(at('reports', 'report.json'), 'utf8')).toBe('second');
  });

  it('never replaces a folder mch did not make', async () => {
    mkdirSync(at('mine'));
    writeFileSync(at('mine', 'thesis.docx'), 'x');
    await expect(replaceFolder(at('mine'), 'mine', '--out', ours, fill('x'))).rejects.toThrow('--out "mine" exists and is not a folder of mch reports');
    expect(readdirSync(at('mine'))).toEqual(['thesis.docx']);
  });

  it('leaves no temporary folder when mch is stopped while it fills one, and keeps the last reports', async () => {
    let filled = '';
    const filling = replaceFolder(at('reports'), 'reports', '--out', ours, async (temp) => {
      filled = temp;
      writeFileSync(join(temp, 'report.json'), 'third, half written');
      // the signal arrives while the reports are being written (interrupt.ts); the process would exit now
      undoPending();
    });
    await expect(filling).rejects.toThrow();
    expect(existsSync(filled)).toBe(false);
    expect(readFileSync(at('reports', 'report.json'), 'utf8')).toBe('second');
    expect(readdirSync(scratch).filter((n) => n.startsWith('reports.'))).toEqual([]);
  });
});
