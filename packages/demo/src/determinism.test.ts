import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoData } from './write';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe('the generator', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mch-demo-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reproduces data/raw byte for byte', async () => {
    const files = await writeDemoData(tmp, REPO_ROOT);
    const committed = join(REPO_ROOT, 'data/raw');
    const onDisk = listFiles(committed).map((p) => relative(committed, p)).sort();
    expect(files.map((f) => f.path).sort()).toEqual(onDisk);
    for (const f of files) {
      expect(Buffer.compare(readFileSync(join(tmp, f.path)), readFileSync(join(committed, f.path))), f.path).toBe(0);
    }
  }, 60_000);

  it('keeps every workbook well under 200 KB', () => {
    for (const p of listFiles(tmp)) expect(statSync(p).size, p).toBeLessThan(100_000);
  });
});
