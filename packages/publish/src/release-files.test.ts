import { describe, expect, it } from 'vitest';
import type { TableFrame } from './published/types';
import { queuedLargestFirst } from './release-files';

describe('the tables of a release', () => {
  it('are queued the largest first, and answered in their own order', async () => {
    const frame = (id: string, n: number) => ({ table: { id }, observations: new Array(n) }) as unknown as TableFrame;
    const frames = [frame('T01', 5), frame('T02', 50), frame('T03', 1), frame('T04', 50), frame('T05', 20)];
    const started: string[] = [];
    const jobs = queuedLargestFirst(frames, async (f) => {
      started.push(f.table.id);
      return f.table.id;
    });
    // equal sizes keep the tables' order
    expect(started).toEqual(['T02', 'T04', 'T05', 'T01', 'T03']);
    expect(await Promise.all(jobs)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05']);
  });
});
