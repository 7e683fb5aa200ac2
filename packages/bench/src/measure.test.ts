import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { measureProcess } from './measure';

const node = (code: string) => ['node', '-e', code];
const timed = existsSync('/usr/bin/time');

describe('measureProcess', () => {
  it.skipIf(!timed)(`tells a process that holds 300 MB from one that holds nothing${timed ? '' : ' (skipped: /usr/bin/time is not installed)'}`, async () => {
    const big = await measureProcess(node('const b = Buffer.alloc(300 * 2 ** 20, 1); console.log(b[5])'), { cwd: tmpdir() });
    const small = await measureProcess(node('console.log(1)'), { cwd: tmpdir() });
    expect(big.peakMb).toBeGreaterThan(300);
    expect(small.peakMb).toBeLessThan(150);
    expect(big.stdout).toBe('1\n');
  });

  it('keeps the exit code and error output of a failing command', async () => {
    const m = await measureProcess(node('console.error("no"); process.exit(3)'), { cwd: tmpdir() });
    expect(m.code).toBe(3);
    expect(m.stderr).toBe('no\n');
    expect(m.seconds).toBeGreaterThan(0);
  });
});
