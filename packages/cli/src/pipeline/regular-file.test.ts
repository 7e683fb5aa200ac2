import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { namedPipe } from '../testing';
import { fileProblem, refuseIrregular } from './regular-file';

const dir = mkdtempSync(join(tmpdir(), 'mch-regular-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file is looked at before it is opened', () => {
  const fifo = namedPipe(join(dir, 'config.yaml'));
  const file = join(dir, 'plain.yaml');
  writeFileSync(file, 'version: "1"\n');

  it('refuses a named pipe, a folder and a device by name, with exit 2', () => {
    expect(() => refuseIrregular(fifo, 'pipelines/x.yaml')).toThrow(
      expect.objectContaining({ message: '"pipelines/x.yaml" is not a regular file (a named pipe)', exitCode: 2, where: 'pipelines/x.yaml' }),
    );
    expect(fileProblem(fifo)).toBe('is not a regular file (a named pipe)');
    expect(fileProblem(dir)).toBe('is not a regular file (a folder)');
    expect(fileProblem('/dev/zero')).toBe('is not a regular file (a device)');
  });

  it('passes a regular file (giving its size) and leaves a missing one to the read that says so', () => {
    expect(refuseIrregular(file, 'plain.yaml')).toBe(13);
    expect(refuseIrregular(join(dir, 'none.yaml'), 'none.yaml')).toBeUndefined();
    expect(fileProblem(file)).toBeUndefined();
    expect(fileProblem(join(dir, 'none.yaml'))).toBe('does not exist');
  });
});
