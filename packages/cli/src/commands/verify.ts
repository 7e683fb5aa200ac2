import { defineCommand } from 'citty';
import { EXIT } from '@mch/core';
import { verifyRelease } from '@mch/publish';
import { argPath, displayPath, findRepoRoot, } from '../pipeline/repo';

export default defineCommand({
  meta: { name: 'verify', description: 'Recompute every hash of a release manifest and report missing, extra or changed files.' },
  args: { release: { type: 'positional', description: 'release folder, e.g. data/releases/2011.1', required: true } },
  async run({ args }) {
    const root = findRepoRoot();
    const dir = argPath(String(args.release));
    const r = await verifyRelease(dir);
    for (const f of r.changed) console.log(`changed  ${f}`);
    for (const f of r.missing) console.log(`missing  ${f}`);
    for (const f of r.extra) console.log(`extra    ${f}`);
    console.log(r.ok ? `${displayPath(root, dir)}: every file matches its manifest hash` : `${displayPath(root, dir)}: the release differs from its manifest`);
    return r.ok ? EXIT.ok : EXIT.data;
  },
});
