import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PIPES = fileURLToPath(new URL('./pipes.ts', import.meta.url));

/** A program printing far more than `head -1` reads, then saying on stderr that it finished. */
function throughHead(guarded: boolean) {
  const program = `${guarded ? `import { quietOnBrokenPipe } from ${JSON.stringify(PIPES)}; quietOnBrokenPipe(process.stdout);` : ''}
    for (let i = 0; i < 20000; i++) console.log("line " + i);
    setTimeout(() => console.error("finished"), 50);`;
  const r = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx --input-type=module -e '${program}' | head -1; echo "exit \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr };
}

describe('a reader that goes away (mch … | head)', { timeout: 60_000 }, () => {
  it('ends the command quietly: no EPIPE, no stack trace, the work finished', () => {
    const r = throughHead(true);
    expect(r.stdout).toBe('line 0\nexit 0\n');
    expect(r.stderr).toBe('finished\n');
  });

  it('is what Node does without the guard: an EPIPE stack trace', () => {
    const r = throughHead(false);
    expect(r.stderr).toMatch(/Error: write EPIPE\n\s+at /);
    expect(r.stdout).not.toContain('exit 0');
  });
});
