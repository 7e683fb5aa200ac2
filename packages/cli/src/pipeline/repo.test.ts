import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoPath, userCwd } from './repo';

// a repository of its own: data/raw with a country file, and files outside data/ a link could reach
const root = mkdtempSync(join(tmpdir(), 'mch-repo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data', 'raw', '2013'), { recursive: true });
mkdirSync(join(root, '.git'));
writeFileSync(join(root, '.git', 'config'), '[remote "origin"]\n');
writeFileSync(join(root, 'data', 'raw', '2013', 'ARM.csv'), 'TABLE\n');
symlinkSync(join(root, '.git', 'config'), join(root, 'data', 'raw', 'ARM_config.csv'));
symlinkSync(join(root, 'data', 'raw', '2013', 'ARM.csv'), join(root, 'data', 'raw', 'ARM_latest.csv'));
symlinkSync(join(root, 'nowhere.csv'), join(root, 'data', 'raw', 'ARM_dangling.csv'));
symlinkSync(tmpdir(), join(root, 'outside'));

const refusal = (path: string) => {
  try {
    repoPath(root, path, 'countries.ARM.files.0.path');
    return 'accepted';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('repoPath: configuration paths stay in the repository, links in data/ stay in data/', () => {
  it('accepts a file of data/ and a link that stays in data/', () => {
    expect(refusal('data/raw/2013/ARM.csv')).toBe('accepted');
    expect(refusal('data/raw/ARM_latest.csv')).toBe('accepted');
  });

  it('refuses a link from data/raw/ to another file of the repository, quoting both paths', () => {
    expect(refusal('data/raw/ARM_config.csv')).toBe(
      'countries.ARM.files.0.path: "data/raw/ARM_config.csv" is a symbolic link to ".git/config"; a link in data/ must stay in data/',
    );
  });

  it('refuses "..", a link out of the repository and a link to nothing', () => {
    expect(refusal('../etc/passwd')).toBe('countries.ARM.files.0.path: "../etc/passwd" is outside the repository');
    expect(refusal('outside')).toMatch(/^countries\.ARM\.files\.0\.path: "outside" is a symbolic link to "\/.*"; a link must stay in the repository$/);
    expect(refusal('data/raw/ARM_dangling.csv')).toBe('countries.ARM.files.0.path: "data/raw/ARM_dangling.csv" is a symbolic link to nothing');
  });
});

describe('userCwd', () => {
  it('is where the user stood under `pnpm mch` (INIT_CWD), the process folder otherwise', () => {
    expect(userCwd({ npm_lifecycle_event: 'mch', INIT_CWD: '/home/me/packages' })).toBe('/home/me/packages');
    // a test run through `pnpm test` also has INIT_CWD: it says where `pnpm test` was typed, not mch
    expect(userCwd({ npm_lifecycle_event: 'test', INIT_CWD: '/home/me' })).toBe(process.cwd());
  });
});
