import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT, MchError } from '@mch/core';
import { writeRelease } from '@mch/publish';
import { writeInternalReports } from '@mch/quality';
import { runChain } from '../pipeline/chain';
import { codeVersion } from '../pipeline/code-version';
import { loadReleaseConfig } from '../pipeline/config';
import { formatCount, progress } from '../pipeline/progress';
import { argPath, displayPath, findRepoRoot, repoPath } from '../pipeline/repo';
import { printBlocking, printFindingSummary } from '../print';
import { templatesDir } from '../pipeline/templates';

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
    await writeInternalReports(chain.report, reportsDir);
    printFindingSummary(chain.report);
    console.log(`internal quality reports: ${displayPath(root, reportsDir)}/`);
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
    progress(`publish  ${displayPath(root, target)}`);
    const written = await writeRelease(
      {
        config,
        tableSet: loaded.tableSet,
        codelists: loaded.codelists,
        data: chain.data,
        quality: chain.report,
        breaks: loaded.breaks,
        inputs: chain.inputs.map((i) => ({ path: i.path, sha256: i.sha256, bytes: i.bytes.byteLength })),
        codeVersion: codeVersion(root),
        environment: { node: process.version, platform: `${process.platform}-${process.arch}` },
        previous: chain.previous,
        templatesDir: templatesDir(root),
        configFile: { path: loaded.configPath, sha256: sha256File(repoPath(root, loaded.configPath, 'release configuration')) },
      },
      target,
    );
    const published = chain.data.observations.filter((o) => !o.derived).length;
    console.log(`published ${displayPath(root, target)}/: ${written.length} files, ${formatCount(published)} reported observations`);
    return EXIT.ok;
  },
});

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
