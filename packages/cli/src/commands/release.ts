import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT, MchError } from '@mch/core';
import { type ReleaseModel, writeRelease } from '@mch/publish';
import { writeInternalReports } from '@mch/quality';
import { type ChainResult, runChain } from '../pipeline/chain';
import { codeVersion } from '../pipeline/code-version';
import { type LoadedConfig, loadReleaseConfig } from '../pipeline/config';
import { formatCount, progress } from '../pipeline/progress';
import { argPath, displayPath, findRepoRoot, repoPath } from '../pipeline/repo';
import { templatesDir } from '../pipeline/templates';
import { printBlocking, printFindingSummary } from '../print';

export default defineCommand({
  meta: { name: 'release', description: 'Run the whole chain and publish the release folder if the quality gate passes.' },
  args: {
    config: { type: 'positional', description: 'release configuration, e.g. pipelines/mch/2013.1.yaml', required: true },
    out: { type: 'string', description: 'release folder (default data/releases/<version>)' },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const loaded = loadReleaseConfig(root, args.config);
    const { config } = loaded;
    const target = args.out ? argPath(args.out) : join(root, 'data', 'releases', config.version);
    if (existsSync(target)) {
      throw new MchError('release-exists', `release ${config.version} already exists at ${displayPath(root, target)}; a published release is never overwritten (give a new version)`, { where: displayPath(root, target) });
    }
    console.log(`mch release ${config.version} (release date ${config.release_date}, reference years ${config.reference_years.join(', ')})`);
    const chain = await runChain(loaded);
    const reportsDir = join(root, 'data', 'reports', config.version);
    await writeInternalReports(chain.report, reportsDir, chain.countryFiles);
    printFindingSummary(chain.report);
    console.log(`internal quality reports: ${displayPath(root, reportsDir)}/`);
    const refused = refusal(chain);
    if (refused !== null) return refused;
    progress(`publish  ${displayPath(root, target)}`);
    const written = await writeRelease(releaseModel(loaded, chain), target);
    const published = chain.data.observations.filter((o) => !o.derived).length;
    console.log(`published ${displayPath(root, target)}/: ${written.length} files, ${formatCount(published)} reported observations`);
    return EXIT.ok;
  },
});

/** The exit code when the chain cannot be published (unreadable files, closed gate), after saying why; null when it can. */
export function refusal(chain: ChainResult): number | null {
  if (chain.unreadable.length) {
    for (const e of chain.unreadable) console.error(`mch: ${e.message}`);
    console.error(`mch: ${chain.unreadable.length} file(s) could not be read; nothing was published`);
    return EXIT.cannotRun;
  }
  if (!chain.report.gate.passed) {
    printBlocking(chain.report);
    console.error(`mch: the quality gate is closed by ${chain.report.gate.blocking} unwaived error(s); nothing was published`);
    return EXIT.data;
  }
  return null;
}

/** The one model every file of the release is written from (also what `mch reproduce` rebuilds). */
export function releaseModel(loaded: LoadedConfig, chain: ChainResult): ReleaseModel {
  const { root, config } = loaded;
  return {
    config,
    tableSet: loaded.tableSet,
    codelists: loaded.codelists,
    data: chain.data,
    quality: chain.report,
    breaks: loaded.breaks,
    inputs: [...chain.inputs.map((i) => ({ path: i.path, sha256: i.sha256, bytes: i.bytes.byteLength })), ...configurationInputs(loaded)],
    codeVersion: codeVersion(root),
    environment: { node: process.version, platform: `${process.platform}-${process.arch}` },
    previous: chain.previous,
    templatesDir: templatesDir(root),
    configFile: { path: loaded.configPath, sha256: sha256(readFileSync(repoPath(root, loaded.configPath, 'release configuration'))) },
  };
}

/**
 * Files besides the country files that decide the release's content, recorded as inputs so
 * `mch reproduce` can refuse when one has changed: the table set, the code lists, the break
 * register, the benchmark series, and the previous release's observations and manifest.
 */
function configurationInputs(loaded: LoadedConfig): ReleaseModel['inputs'] {
  const c = loaded.config;
  const previous = c.previous_release ? [`${c.previous_release}/data/observations.csv`, `${c.previous_release}/datapackage.json`] : [];
  const paths = [c.table_set, c.codelists, c.break_register, c.benchmarks.ims2019, c.benchmarks.wpp2024, ...previous];
  return paths
    .filter((p): p is string => Boolean(p))
    .map((p) => {
      const full = repoPath(loaded.root, p, `${loaded.configPath}`);
      const bytes = readFileSync(full);
      return { path: displayPath(loaded.root, full), sha256: sha256(bytes), bytes: bytes.byteLength };
    });
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
