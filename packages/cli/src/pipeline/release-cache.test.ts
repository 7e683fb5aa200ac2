import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { readObservationsCsv, readObservationsCsvInTurns } from '@mch/publish';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ReleaseReadCache } from './release-cache';

const dir = mkdtempSync(join(tmpdir(), 'mch-release-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ReleaseReadCache', () => {
  const csv = readFileSync(join(REPO_ROOT, 'data/releases/2011.1/data/observations.csv'));
  const parsed = readObservationsCsv(csv.toString('utf8'));
  const store = () => readObservationsCsvInTurns(csv);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('parses a published observations.csv once, then gives the same observations from its columns', async () => {
    vi.stubEnv('MCH_CACHE_DIR', dir);
    const parse = vi.fn(store);
    expect((await new ReleaseReadCache(REPO_ROOT).observations(sha256(csv), parse)).toArray()).toStrictEqual(parsed);
    const again = (await new ReleaseReadCache(REPO_ROOT).observations(sha256(csv), parse)).toArray();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(parsed));
    expect(again.length).toBeGreaterThan(10_000);
  });

  it('parses again when the bytes differ or the cached file is damaged', async () => {
    vi.stubEnv('MCH_CACHE_DIR', dir);
    const columns = await store();
    const parse = vi.fn(async () => columns);
    await new ReleaseReadCache(REPO_ROOT).observations(sha256(Buffer.concat([csv, Buffer.from('\n')])), parse);
    expect(parse).toHaveBeenCalledTimes(1);
    for (const f of readdirSync(join(dir, 'releases'))) {
      const b = readFileSync(join(dir, 'releases', f));
      b[b.length - 1] = b[b.length - 1]! ^ 0x01;
      writeFileSync(join(dir, 'releases', f), b);
    }
    expect(await new ReleaseReadCache(REPO_ROOT).observations(sha256(csv), parse)).toBe(columns);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
