import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogVersions, codeChanges } from './code-version';

const LOG = `# @mch/publish

## 0.3.0

### Minor Changes

- 1a2b3c4: datapackage.json records the waivers.

  It names each one.

### Patch Changes

- Updated dependencies [1a2b3c4]
  - @mch/core@0.2.1

## 0.2.0

### Patch Changes

- 5d6e7f8: The notes define coverage.
`;

const root = mkdtempSync(join(tmpdir(), 'mch-code-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'packages', 'publish'), { recursive: true });
writeFileSync(join(root, 'packages', 'publish', 'package.json'), JSON.stringify({ name: '@mch/publish', version: '0.3.0' }));
writeFileSync(join(root, 'packages', 'publish', 'CHANGELOG.md'), LOG);

describe("the code's release notes", () => {
  it('reads each version of a CHANGELOG with its changesets, without the commit or the dependency lines', () => {
    expect(changelogVersions(LOG)).toEqual([
      { version: '0.3.0', entries: ['datapackage.json records the waivers.\n\nIt names each one.'] },
      { version: '0.2.0', entries: ['The notes define coverage.'] },
    ]);
  });

  it('gives the versions after the previous release\'s code, or every version without one', () => {
    expect(codeChanges(root, { '@mch/publish': '0.2.0' }).map((c) => c.version)).toEqual(['0.3.0']);
    expect(codeChanges(root, { '@mch/publish': '0.3.0' })).toEqual([]);
    expect(codeChanges(root).map((c) => c.version)).toEqual(['0.3.0', '0.2.0']);
  });
});

describe('changesets not yet released', () => {
  it('are listed once each, with the packages they name, as the code that built the release holds them', () => {
    mkdirSync(join(root, '.changeset'), { recursive: true });
    writeFileSync(join(root, '.changeset', 'README.md'), '# Changesets');
    writeFileSync(join(root, '.changeset', 'b-fix.md'), '---\n"@mch/publish": patch\n"@mch/core": patch\n---\n\nThe manifest records the waivers.\n');
    writeFileSync(join(root, '.changeset', 'a-fix.md'), "---\n'@mch/publish': minor\n---\n\nCoverage is defined.\n");
    writeFileSync(join(root, '.changeset', 'c-long.md'), '---\n"@mch/ingest": patch\n---\n\nSheets are read by their table word\nwherever it stands.\n\nThe detail, in a second paragraph.\n');
    // once each (a changeset of two packages is not said twice), its first paragraph
    expect(codeChanges(root, { '@mch/publish': '0.3.0' })).toEqual([
      { package: '', version: 'unreleased', entries: ['@mch/publish: Coverage is defined.', '@mch/core, @mch/publish: The manifest records the waivers.', '@mch/ingest: Sheets are read by their table word wherever it stands.'] },
    ]);
  });
});
