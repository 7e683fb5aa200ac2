import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskSink, memorySink, writtenOf } from './file-sinks';

const root = mkdtempSync(join(tmpdir(), 'mch-sink-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function* pieces(): Generator<Buffer> {
  yield Buffer.from('a,b\n');
  yield Buffer.from('Ереван,1\n');
}
const whole = Buffer.from('a,b\nЕреван,1\n');
const digest = createHash('sha256').update(whole).digest('hex');

describe('file sinks', () => {
  it('writes a file given in pieces to disk and states its size and digest', async () => {
    const written = await diskSink(root)({ path: 'data/x.csv', bytes: pieces() });
    expect(written).toEqual({ path: 'data/x.csv', bytes: whole.length, sha256: digest });
    expect(readFileSync(join(root, 'data', 'x.csv')).equals(whole)).toBe(true);
  });

  it('never writes over a file already there', async () => {
    await diskSink(root)({ path: 'y.txt', bytes: Buffer.from('first') });
    await expect(diskSink(root)({ path: 'y.txt', bytes: Buffer.from('second') })).rejects.toThrow(/EEXIST/);
    expect(readFileSync(join(root, 'y.txt'), 'utf8')).toBe('first');
  });

  it('keeps files whole in memory with the same size and digest as on disk', async () => {
    const memory = memorySink();
    expect(await memory.sink({ path: 'data/x.csv', bytes: pieces() })).toEqual({ path: 'data/x.csv', bytes: whole.length, sha256: digest });
    expect(memory.files.map((f) => f.path)).toEqual(['data/x.csv']);
    expect(memory.files[0]!.bytes.equals(whole)).toBe(true);
    expect(writtenOf({ path: 'z', bytes: whole }).sha256).toBe(digest);
  });
});
