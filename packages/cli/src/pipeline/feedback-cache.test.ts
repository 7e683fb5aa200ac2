import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FeedbackWorkbookCache } from './feedback-cache';

const dir = mkdtempSync(join(tmpdir(), 'mch-feedback-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FeedbackWorkbookCache', () => {
  it('gives back the bytes kept under a key, to another run too, and nothing under another key or when damaged', () => {
    vi.stubEnv('MCH_CACHE_DIR', dir);
    const bytes = new Uint8Array([80, 75, 3, 4, 9, 9]);
    new FeedbackWorkbookCache(REPO_ROOT).write('ARM', 'k1', bytes);
    expect([...(new FeedbackWorkbookCache(REPO_ROOT).read('ARM', 'k1') ?? [])]).toEqual([...bytes]);
    expect(new FeedbackWorkbookCache(REPO_ROOT).read('ARM', 'k2')).toBeUndefined();
    expect(new FeedbackWorkbookCache(REPO_ROOT).read('AZE', 'k1')).toBeUndefined();
    for (const f of readdirSync(join(dir, 'feedback', 'ARM'))) {
      const b = readFileSync(join(dir, 'feedback', 'ARM', f));
      b[b.length - 1] = b[b.length - 1]! ^ 0x01;
      writeFileSync(join(dir, 'feedback', 'ARM', f), b);
    }
    expect(new FeedbackWorkbookCache(REPO_ROOT).read('ARM', 'k1')).toBeUndefined();
  });

  it("keeps every country's workbook however many countries a release has, each country's rounds pruned apart", () => {
    vi.stubEnv('MCH_CACHE_DIR', join(dir, 'many'));
    const cache = new FeedbackWorkbookCache(REPO_ROOT);
    const countries = Array.from({ length: 20 }, (_, i) => `C${String(i).padStart(2, '0')}`);
    for (const c of countries) cache.write(c, 'round 1', new Uint8Array([1, c.length]));
    for (const c of countries) expect(cache.read(c, 'round 1')).toBeDefined();
    // one country's many rounds push out only its own oldest
    for (let round = 2; round <= 12; round++) cache.write('C00', `round ${round}`, new Uint8Array([round]));
    expect(cache.read('C00', 'round 1')).toBeUndefined();
    expect(cache.read('C00', 'round 12')).toBeDefined();
    expect(cache.read('C01', 'round 1')).toBeDefined();
    expect(() => cache.write('../x', 'k', new Uint8Array([1]))).toThrow('not a plain name');
  });
});
