import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockReleasedOnInterrupt, removedOnInterrupt, undoPending } from './interrupt';

const scratch = mkdtempSync(join(tmpdir(), 'mch-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const at = (name: string) => join(scratch, name);

describe('what a signal undoes', () => {
  it('removes a temporary folder still being filled, and leaves one already taken off', () => {
    mkdirSync(at('filling.tmp-1'));
    writeFileSync(join(at('filling.tmp-1'), 'T01.xlsx'), 'half');
    mkdirSync(at('done'));
    removedOnInterrupt(at('filling.tmp-1'));
    const forget = removedOnInterrupt(at('done'));
    forget();
    undoPending();
    expect(existsSync(at('filling.tmp-1'))).toBe(false);
    expect(existsSync(at('done'))).toBe(true);
  });

  it("removes this process's lock, never one another process holds", () => {
    writeFileSync(at('mine.lock'), `${process.pid}\n`);
    writeFileSync(at('theirs.lock'), `${process.pid + 1}\n`);
    lockReleasedOnInterrupt(at('mine.lock'));
    lockReleasedOnInterrupt(at('theirs.lock'));
    // a lock that was never taken (another release held it): nothing to do, nothing fails
    lockReleasedOnInterrupt(at('never.lock'));
    undoPending();
    expect(existsSync(at('mine.lock'))).toBe(false);
    expect(existsSync(at('theirs.lock'))).toBe(true);
  });
});
