import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { ReleaseModel } from '@mch/publish';
import { publishedBy } from '@mch/quality';
import type { ChainResult } from './chain';
import { codeChanges, codeVersion } from './code-version';
import type { LoadedConfig } from './config';
import { displayPath, repoPath } from './repo';
import { templatesDir } from './templates';

/** The one model every file of the release is written from (also what `mch reproduce` rebuilds). */
export function releaseModel(loaded: LoadedConfig, chain: ChainResult): ReleaseModel {
  const { root, config } = loaded;
  return {
    config,
    tableSet: loaded.tableSet,
    codelists: loaded.codelists,
    data: chain.data,
    sourceOf: chain.sourceOf,
    quality: chain.report,
    breaks: loaded.breaks,
    inputs: [...chain.inputs.map((i) => ({ path: i.path, sha256: i.sha256, bytes: i.bytes.byteLength })), ...configurationInputs(loaded, chain.previous?.sha256)],
    codeVersion: codeVersion(root),
    codeChanges: codeChanges(root, chain.previous?.code),
    environment: { node: process.version, platform: `${process.platform}-${process.arch}` },
    previous: chain.previous,
    templatesDir: templatesDir(root),
    configFile: { path: loaded.configPath, sha256: sha256(readFileSync(repoPath(root, loaded.configPath, 'release configuration'))) },
  };
}

/**
 * Files besides the country files that decide the release's content, recorded as inputs so
 * `mch reproduce` can refuse when one has changed: the table set, the code lists, the break
 * register, the benchmark series compared (those published by the release date), and the
 * previous release's observations and manifest.
 */
function configurationInputs(loaded: LoadedConfig, previousCsvSha256: string | undefined): ReleaseModel['inputs'] {
  const c = loaded.config;
  const previousCsv = c.previous_release ? `${c.previous_release}/data/observations.csv` : undefined;
  const previous = c.previous_release ? [previousCsv, `${c.previous_release}/datapackage.json`] : [];
  // a benchmark published after the release date is not compared (MCH-B01), so it is no input of the release
  const benchmarks = (['ims2019', 'wpp2024'] as const).filter((s) => publishedBy(s, c.release_date)).map((s) => c.benchmarks[s]);
  const paths = [c.table_set, c.codelists, c.break_register, ...benchmarks, ...previous];
  return paths
    .filter((p): p is string => Boolean(p))
    .map((p) => {
      const full = repoPath(loaded.root, p, `${loaded.configPath}`);
      // the chain hashed the previous release's observations as it read them: hundreds of megabytes not read again
      if (p === previousCsv && previousCsvSha256) return { path: displayPath(loaded.root, full), sha256: previousCsvSha256, bytes: statSync(full).size };
      const bytes = readFileSync(full);
      return { path: displayPath(loaded.root, full), sha256: sha256(bytes), bytes: bytes.byteLength };
    });
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
