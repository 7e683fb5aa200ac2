import { spawnSync } from 'node:child_process';
import { openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MchError } from '@mch/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from './report-error';
import { MCH_BIN } from './testing';

function report(error: unknown) {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')));
  const code = reportError(error, ['ingest', 'x.csv']);
  return { code, text: lines.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('reportError: one message and the exit code of cli.md', () => {
  it('prints an MchError with its details and its own code', () => {
    const r = report(new MchError('config-invalid', 'a.yaml cannot be used', { details: ['a.yaml: version: expected 2013.1'] }));
    expect(r).toEqual({ code: 2, text: 'mch: a.yaml cannot be used\n  a.yaml: version: expected 2013.1' });
  });

  it('turns a path the system refuses into exit 2 quoting the path, not a bug', () => {
    const file = join(tmpdir(), `mch-report-error-${process.pid}`);
    writeFileSync(file, '');
    let error: unknown;
    try {
      writeFileSync(join(file, 'inside.csv'), 'x');
    } catch (e) {
      error = e;
    }
    rmSync(file);
    const r = report(error);
    expect(r.code).toBe(2);
    expect(r.text).toBe(`mch: cannot write "${join(file, 'inside.csv')}": a part of the path is a file, not a folder (ENOTDIR)`);
  });

  it('turns a full disk under a stream, which names no path, into exit 2, not a bug', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', errno: -28 });
    // before: exit 70, "this is a bug in mch"
    expect(report(full)).toEqual({ code: 2, text: 'mch: cannot write the output: no space left on the device (ENOSPC)' });
  });

  it('exits 2, not 70, when standard output is a full device', () => {
    const ran = spawnSync(process.execPath, [MCH_BIN, '--version'], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('no space left on the device (ENOSPC)');
  });

  it('reports anything else as a bug: exit 70, a log with the stack, none on the terminal', () => {
    const r = report(new TypeError('cannot read properties of undefined'));
    expect(r.code).toBe(70);
    expect(r.text).toContain('internal error — this is a bug in mch');
    expect(r.text).toContain('TypeError: cannot read properties of undefined');
    expect(r.text).not.toMatch(/\n\s+at /);
    const log = /the log (\S+)/.exec(r.text)![1]!;
    expect(readFileSync(log, 'utf8')).toMatch(/command: mch ingest x\.csv[\s\S]*\n\s+at /);
    rmSync(log);
  });
});
