import { defineCommand } from 'citty';
import { EXIT, MchError } from '@mch/core';
import { MANIFEST_DIGEST, manifestDigest, verifyRelease } from '@mch/publish';
import { argPath } from '../pipeline/repo';

export default defineCommand({
  meta: { name: 'verify', description: 'Recompute every hash of a release, its manifest included, and report missing, extra or changed files.' },
  args: {
    release: { type: 'positional', description: 'release folder, e.g. data/releases/2011.1', required: true },
    digest: { type: 'string', description: 'the manifest digest printed when the release was published (sha256:… or 64 hex digits)' },
  },
  async run({ args }) {
    const dir = argPath(args.release);
    if (args.digest !== undefined && !/^(sha256:)?[0-9a-fA-F]{64}$/.test(args.digest)) {
      throw new MchError('usage', `--digest must be the sha256 printed at publication (64 hex digits, optionally after "sha256:"), not "${args.digest}"`);
    }
    const r = await verifyRelease(dir, { digest: args.digest });
    const actual = await manifestDigest(dir);
    for (const f of r.changed) console.log(`changed  ${f}${f === 'datapackage.json' ? ` (its sha256 is ${actual}, not the one ${args.digest ? 'given or ' : ''}recorded in ${MANIFEST_DIGEST})` : ''}`);
    for (const f of r.missing) console.log(`missing  ${f}`);
    for (const f of r.extra) console.log(`extra    ${f}`);
    if (!r.ok) {
      console.log(`${args.release}: the release differs from its manifest`);
      return EXIT.data;
    }
    const against = args.digest ? 'and the manifest is the one published' : `manifest digest sha256:${actual} (compare it with the one recorded at publication, or give it with --digest)`;
    console.log(`${args.release}: every file matches its manifest hash; ${against}`);
    return EXIT.ok;
  },
});
