import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT, MchError, cmp } from '@mch/core';
import { type ReleaseModel, isEmptyFolder, manifestDigest, writeRelease } from '@mch/publish';
import { writeInternalReports } from '@mch/quality';
import { lockReleasedOnInterrupt, removedOnInterrupt } from '../interrupt';
import { type ChainResult, runChain } from '../pipeline/chain';
import { loadReleaseConfig } from '../pipeline/config';
import { FeedbackWorkbookCache } from '../pipeline/feedback-cache';
import { assertPublishFits } from '../pipeline/memory';
import { checkOutputPlace, refuseForeignFolder } from '../pipeline/outputs';
import { formatCount, timed } from '../pipeline/progress';
import { releaseModel } from '../pipeline/release-model';
import { argPath, displayPath, findRepoRoot } from '../pipeline/repo';
import { printBlocking, printFindingSummary, printRunWarnings } from '../print';
import { isReportsFolder, writeReports } from './check';

/**
 * A release goes into a folder of its own that it makes whole (or into an empty one made for it):
 * never over a file, through a link, or into a folder holding anything else.
 */
function refuseOccupied(target: string, shown: string): void {
  if (!existsSync(target) || isEmptyFolder(target)) return;
  const fix = 'give the path of a new or empty folder';
  if (lstatSync(target).isSymbolicLink()) throw new MchError('usage', `--out "${shown}" is a link; a release is written into a folder of its own, never through a link (${fix})`, { where: shown });
  if (!statSync(target).isDirectory()) throw new MchError('usage', `--out "${shown}" is a file; a release is a folder of files (${fix})`, { where: shown });
  const held = readdirSync(target).sort(cmp);
  const named = held.slice(0, 3).join(', ') + (held.length > 3 ? ` and ${held.length - 3} more` : '');
  throw new MchError('usage', `--out "${shown}" is a folder that already holds ${named}; a release is written into a folder of its own, never among other files (${fix})`, { where: shown });
}

export default defineCommand({
  meta: { name: 'release', description: 'Run the whole chain and publish the release folder if the quality gate passes.' },
  args: {
    config: { type: 'positional', description: 'release configuration, e.g. pipelines/mch/2013.1.yaml', required: true },
    out: { type: 'string', description: 'release folder (default data/releases/<version>)' },
    cache: { type: 'boolean', default: true, description: 'reuse the ingest, harmonise, checks and feedback workbooks of countries whose files, settings and code are unchanged (--no-cache: compute every country)' },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const loaded = loadReleaseConfig(root, argPath(args.config), { inputs: true });
    const { config } = loaded;
    const target = args.out ? argPath(args.out) : join(root, 'data', 'releases', config.version);
    const shown = args.out ?? displayPath(root, target);
    // a release already there is named as such; a place inside one, or an unwritable one, next; then what else is there
    if (existsSync(join(target, 'datapackage.json'))) {
      throw new MchError('release-exists', `release ${config.version} already exists at "${shown}"; a published release is never overwritten (give a new version)`, { where: shown });
    }
    checkOutputPlace(target, shown, '--out');
    refuseOccupied(target, shown);
    const reportsDir = join(root, 'data', 'reports', config.version);
    checkOutputPlace(reportsDir, displayPath(root, reportsDir), 'the reports folder');
    refuseForeignFolder(reportsDir, displayPath(root, reportsDir), 'the reports folder', isReportsFolder);
    console.log(`mch release ${config.version} (release date ${config.release_date}, reference years ${config.reference_years.join(', ')})`);
    const chain = await runChain(loaded, { cache: args.cache });
    await writeReports(reportsDir, displayPath(root, reportsDir), 'the reports folder', (temp) => writeInternalReports(chain.report, temp, chain.countryFiles, { feedbackCache: args.cache ? new FeedbackWorkbookCache(root) : undefined }));
    printFindingSummary(chain.report);
    printRunWarnings(chain.report, chain.fileWarnings);
    console.log(`internal quality reports: ${displayPath(root, reportsDir)}/`);
    const refused = refusal(chain);
    if (refused !== null) return refused;
    assertPublishFits(chain.observations, loaded.configPath);
    const written = await timed(`publish  ${shown}`, () => writeReleaseUndoable(releaseModel(loaded, chain), target));
    const published = chain.data.observations.filter((o) => !o.derived).length;
    const digest = await manifestDigest(target);
    console.log(`published ${shown}/: ${written.length} files, ${formatCount(published)} reported observations`);
    console.log(`manifest digest sha256:${digest} — record it; \`mch verify ${shown} --digest ${digest}\` proves the release unchanged since`);
    return EXIT.ok;
  },
});

/**
 * writeRelease, with its temporary folder `<target>.tmp-<pid>` and its lock `<target>.lock`
 * (publish's release.ts and lock.ts) removed if mch is stopped meanwhile; the lock only while it
 * is this process's.
 */
export async function writeReleaseUndoable(model: ReleaseModel, target: string): Promise<string[]> {
  const full = resolve(target);
  const undo = [lockReleasedOnInterrupt(`${full}.lock`), removedOnInterrupt(`${full}.tmp-${process.pid}`)];
  try {
    return await writeRelease(model, full);
  } finally {
    for (const forget of undo) forget();
  }
}

/** The exit code when the chain cannot be published (a closed gate), after saying why; null when it can. */
export function refusal(chain: ChainResult): number | null {
  if (!chain.report.gate.passed) {
    printBlocking(chain.report);
    console.error(`mch: the quality gate is closed by ${chain.report.gate.blocking} unwaived error(s); nothing was published`);
    return EXIT.data;
  }
  return null;
}
