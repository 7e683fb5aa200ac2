import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { mch } from '../testing';
import { publishedDigest } from './verify';

const PUBLISHED = 'data/releases/2011.1';
const digest = createHash('sha256').update(readFileSync(join(REPO_ROOT, PUBLISHED, 'datapackage.json'))).digest('hex');

describe('mch verify --digest', () => {
  it('takes the digest in either case, with or without "sha256:", as its message promises', () => {
    expect(publishedDigest(digest.toUpperCase())).toBe(digest);
    expect(publishedDigest(`SHA256:${digest.toUpperCase()}`)).toBe(digest);
    expect(publishedDigest(`sha256:${digest}`)).toBe(digest);
    expect(() => publishedDigest(digest.slice(1))).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('64 hex digits') }));
    expect(() => publishedDigest(`md5:${digest}`)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it('verifies the committed release against an upper-case digest, and refuses another digest', () => {
    const upper = mch('verify', PUBLISHED, '--digest', `SHA256:${digest.toUpperCase()}`);
    expect(upper.code, upper.stderr).toBe(0);
    expect(upper.stdout).toContain('the manifest is the one published');
    const other = mch('verify', PUBLISHED, '--digest', `${digest.slice(0, 63)}${digest.endsWith('0') ? '1' : '0'}`.toUpperCase());
    expect(other.code).toBe(1);
  });
});
