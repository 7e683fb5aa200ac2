import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mchNodeOptions, tools } from './plan';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function repoWith(scripts: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mch-plan-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts }));
  return dir;
}

describe('mchNodeOptions', () => {
  it("times mch with the Node.js options of the README's npm run mch, which the demo gives it too", () => {
    const options = mchNodeOptions(repo);
    expect(options).toContain('--max-semi-space-size=64');
    expect(tools(repo, undefined).mch.slice(1, 1 + options.length)).toStrictEqual(options);
    const demo = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.demo!;
    expect(demo).toContain(`node ${options.join(' ')} packages/cli/dist/bin.js release`);
  });

  it('reads no options from a plain script, and refuses a script it cannot read', () => {
    expect(mchNodeOptions(repoWith({ mch: 'node packages/cli/dist/bin.js' }))).toStrictEqual([]);
    expect(() => mchNodeOptions(repoWith({ mch: 'tsx packages/cli/src/bin.ts' }))).toThrow(/is not "node \[options\]/);
  });
});
