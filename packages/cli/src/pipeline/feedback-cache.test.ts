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
    new FeedbackWorkbookCache(REPO_ROOT).write('k1', bytes);
    expect([...(new FeedbackWorkbookCache(REPO_ROOT).read('k1') ?? [])]).toEqual([...bytes]);
    expect(new FeedbackWorkbookCache(REPO_ROOT).read('k2')).toBeUndefined();
    for (const f of readdirSync(join(dir, 'feedback'))) {
      const b = readFileSync(join(dir, 'feedback', f));
      b[b.length - 1] = b[b.length - 1]! ^ 0x01;
      writeFileSync(join(dir, 'feedback', f), b);
    }
    expect(new FeedbackWorkbookCache(REPO_ROOT).read('k1')).toBeUndefined();
  });
});
