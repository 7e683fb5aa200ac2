import { defineCommand } from 'citty';
import { EXIT, MchError } from '@mch/core';
import { MANIFEST_DIGEST, type VerifyResult, manifestDigest, verifyRelease } from '@mch/publish';
import { checkReleaseFolder, refuseIrregularEntries } from '../pipeline/release-folder';
import { argPath } from '../pipeline/repo';

export default defineCommand({
  meta: { name: 'verify', description: 'Recompute every hash of a release, its manifest included, and report missing, extra or changed files.' },
  args: {
    release: { type: 'positional', description: 'release folder, e.g. data/releases/2011.1', required: true },
    digest: { type: 'string', description: 'the manifest digest printed when the release was published (sha256:… or 64 hex digits)' },
  },
  async run({ args }) {
    const dir = argPath(args.release);
    const digest = args.digest === undefined ? undefined : publishedDigest(args.digest);
    openRelease(dir, args.release);
    const r = await verifyRelease(dir, { digest });
    const actual = await manifestDigest(dir);
    for (const line of differences(r, `its sha256 is ${actual}, not the one ${digest ? 'given or ' : ''}recorded in ${MANIFEST_DIGEST}`)) console.log(line);
    if (!r.ok) {
      console.log(`${args.release}: the release differs from its manifest`);
      return EXIT.data;
    }
    const against = digest ? 'and the manifest is the one published' : `manifest digest sha256:${actual} (compare it with the one recorded at publication, or give it with --digest)`;
    console.log(`${args.release}: every file matches its manifest hash; ${against}`);
    return EXIT.ok;
  },
});

/** The digest given with --digest, as verifyRelease compares it (lower-case hex); either case is accepted, "sha256:" too. */
export function publishedDigest(given: string): string {
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(given.trim())?.[1];
  if (!hex) throw new MchError('usage', `--digest must be the sha256 printed at publication (64 hex digits, optionally after "sha256:"), not "${given}"`);
  return hex.toLowerCase();
}

/** A release folder about to be read whole: there, a folder with its manifest, and nothing in it that a read would wait on forever. */
export function openRelease(dir: string, shown: string): void {
  checkReleaseFolder(dir, shown, ['datapackage.json']);
  refuseIrregularEntries(dir, shown);
}

/** What verify found, a line per file; `manifestNote` says why the manifest itself counts as changed. */
export function differences(r: VerifyResult, manifestNote: string): string[] {
  return [
    ...r.changed.map((f) => `changed  ${f}${f === 'datapackage.json' ? ` (${manifestNote})` : ''}`),
    ...r.missing.map((f) => `missing  ${f}`),
    ...r.extra.map((f) => `extra    ${f}`),
  ];
}
