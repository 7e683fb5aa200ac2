import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { counter, formatCount, timed } from './progress';

let written: string[] = [];
const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
beforeEach(() => {
  written = [];
  Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
  vi.stubEnv('MCH_QUIET', '');
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('progress on stderr, plain lines when it is not a terminal', () => {
  it('counts the steps of work whose size is known', () => {
    const step = counter('ingest', 12);
    step.tick('ARM data/raw/ARM.xlsx: 2 196 observations');
    expect(written).toEqual(['  ingest  1/12 ARM data/raw/ARM.xlsx: 2 196 observations\n']);
  });

  it('says when a long step starts and how long it took', async () => {
    expect(await timed('publish  data/releases/2013.1', async () => 'done')).toBe('done');
    expect(written).toEqual(['  publish  data/releases/2013.1 …\n', '  publish  data/releases/2013.1: done in 0 s\n']);
  });

  it('is silent under MCH_QUIET=1', () => {
    vi.stubEnv('MCH_QUIET', '1');
    counter('ingest', 1).tick('x');
    expect(written).toEqual([]);
  });
});

describe('formatCount', () => {
  it('groups thousands with a space', () => {
    expect(formatCount(1234567)).toBe('1 234 567');
  });
});
