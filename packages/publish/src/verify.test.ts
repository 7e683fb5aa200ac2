import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_DIGEST, fileDigest, manifestDigest, manifestDigestFile, verifyRelease } from './verify';

const scratch = mkdtempSync(join(tmpdir(), 'mch-verify-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

/** A small release as writeRelease leaves it: two files, their manifest, the manifest's digest. */
function release(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  const files = { 'CHANGES.md': '# 2013.1\n', 'data/observations.csv': 'ref_area,obs_value\nARM,12\n' };
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
  const resources = Object.entries(files).map(([path, text]) => ({ path, hash: `sha256:${sha(text)}`, bytes: Buffer.byteLength(text) }));
  const manifest = Buffer.from(`${JSON.stringify({ version: '2013.1', mch: { release_date: '2013-11-15' }, resources }, null, 2)}\n`);
  writeFileSync(join(dir, 'datapackage.json'), manifest);
  const digest = manifestDigestFile(manifest);
  writeFileSync(join(dir, digest.path), digest.bytes);
  return dir;
}

const intact = release('intact');
const copy = (name: string, edit: (dir: string) => void) => {
  const dir = join(scratch, name);
  cpSync(intact, dir, { recursive: true });
  edit(dir);
  return dir;
};

describe('verifyRelease', () => {
  it('passes a release as written, with or without the digest recorded at publication', async () => {
    const ok = { ok: true, missing: [], extra: [], changed: [] };
    expect(await verifyRelease(intact)).toEqual(ok);
    const digest = await manifestDigest(intact);
    expect(await verifyRelease(intact, { digest })).toEqual(ok);
    expect(await verifyRelease(intact, { digest: `sha256:${digest.toUpperCase()}` })).toEqual(ok);
  });

  it('writes the digest as sha256sum does, so standard tools check it too', async () => {
    expect(manifestDigestFile(Buffer.from('{}\n')).bytes.toString()).toBe(`${sha('{}\n')}  datapackage.json\n`);
  });

  it('catches one byte changed in datapackage.json itself: a release date altered unseen', async () => {
    const dir = copy('date', (d) => {
      const path = join(d, 'datapackage.json');
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace('2013-11-15', '2013-11-16'));
    });
    expect(await verifyRelease(dir)).toEqual({ ok: false, missing: [], extra: [], changed: ['datapackage.json'] });
  });

  it('catches a manifest rewritten with its digest file, against the digest recorded at publication', async () => {
    const published = await manifestDigest(intact);
    const dir = copy('rewritten', (d) => {
      appendFileSync(join(d, 'datapackage.json'), ' ');
      writeFileSync(join(d, MANIFEST_DIGEST), `${sha(readFileSync(join(d, 'datapackage.json')))}  datapackage.json\n`);
    });
    expect((await verifyRelease(dir)).ok).toBe(true);
    expect(await verifyRelease(dir, { digest: published })).toEqual({ ok: false, missing: [], extra: [], changed: ['datapackage.json'] });
  });

  it('catches a missing or garbled digest file, an extra file and a symbolic link', async () => {
    expect((await verifyRelease(copy('no-digest', (d) => unlinkSync(join(d, MANIFEST_DIGEST))))).missing).toEqual([MANIFEST_DIGEST]);
    expect((await verifyRelease(copy('garbled', (d) => writeFileSync(join(d, MANIFEST_DIGEST), 'ok\n')))).changed).toEqual([MANIFEST_DIGEST]);
    expect((await verifyRelease(copy('extra', (d) => writeFileSync(join(d, 'notes.txt'), 'x')))).extra).toEqual(['notes.txt']);
    const linked = copy('link', (d) => {
      unlinkSync(join(d, 'CHANGES.md'));
      symlinkSync(join(intact, 'CHANGES.md'), join(d, 'CHANGES.md'));
    });
    expect(await verifyRelease(linked)).toEqual({ ok: false, missing: [], extra: [], changed: ['CHANGES.md'] });
    // a link the manifest does not list is an extra file (it had been called changed)
    const added = copy('added-link', (d) => symlinkSync(join(intact, 'CHANGES.md'), join(d, 'NOTES.md')));
    expect(await verifyRelease(added)).toEqual({ ok: false, missing: [], extra: ['NOTES.md'], changed: [] });
  });

  it('refuses a folder that is not a release, quoting it', async () => {
    await expect(verifyRelease(join(scratch, 'nowhere'))).rejects.toThrow(`"${join(scratch, 'nowhere')}" is not a release folder: it has no datapackage.json`);
  });
});

describe('fileDigest', () => {
  it('hashes a file of several reads as the whole bytes would be hashed, and counts them', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const path = join(scratch, 'large.bin');
    writeFileSync(path, bytes);
    expect(await fileDigest(path)).toStrictEqual({ sha256: sha(bytes), bytes: bytes.length });
    appendFileSync(path, 'x');
    expect((await fileDigest(path)).sha256).not.toBe(sha(bytes));
  });
});
