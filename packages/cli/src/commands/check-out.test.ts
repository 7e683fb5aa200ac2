import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mchIn } from '../testing';
import { isReportsFolder } from './check';

const scratch = mkdtempSync(join(tmpdir(), 'mch-check-out-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const folder = (name: string, files: string[]) => {
  const dir = join(scratch, name);
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'x');
  }
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('the folder the internal reports replace', () => {
  it('is one holding only what they write, or an empty one', () => {
    expect(isReportsFolder(folder('reports', ['report.json', 'report.html', 'report.pdf', 'feedback/ARM.xlsx']))).toBe(true);
    expect(isReportsFolder(folder('empty', []))).toBe(true);
    // before: any folder with a report.json was replaced whole, the user's thesis with it
    expect(isReportsFolder(folder('thesis', ['report.json', 'thesis.docx']))).toBe(false);
    expect(isReportsFolder(folder('feedback-notes', ['report.json', 'feedback/notes.txt']))).toBe(false);
    expect(isReportsFolder(folder('other', ['notes.txt']))).toBe(false);
  });

  it('mch check refuses a folder of the user\'s before any work, and leaves its files', () => {
    const dir = folder('mine', ['report.json', 'thesis.docx']);
    const ran = mchIn(['check', 'pipelines/mch/2011.1.yaml', '--out', dir]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('is not a folder of mch reports (it holds files mch did not write)');
    expect(ran.stdout).not.toContain('ingest');
    expect(isReportsFolder(dir)).toBe(false);
  });
});
