import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HarmonisedData, MchError, type Observation, type QualityReport, isMchError } from '@mch/core';
import { type IngestedFile, harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { readObservationsCsv } from '@mch/publish';
import { runQuality } from '@mch/quality';
import type { LoadedConfig } from './config';
import { type InputFileRead, readInputFile } from './inputs';
import { formatCount, progress } from './progress';
import { displayPath, repoPath } from './repo';

export interface ChainResult {
  inputs: InputFileRead[];
  /** files that could not be read at all; the rest of the run goes on without them */
  unreadable: MchError[];
  data: HarmonisedData;
  report: QualityReport;
  previous?: { version: string; observations: Observation[] };
}

/** ingest → harmonise → quality, for every country of a release configuration. */
export async function runChain(loaded: LoadedConfig): Promise<ChainResult> {
  const { root, config, configPath } = loaded;
  const previous = loadPrevious(loaded);
  const inputs: InputFileRead[] = [];
  const unreadable: MchError[] = [];
  const countries: { ref_area: string; files: IngestedFile[] }[] = [];
  for (const [ref_area, settings] of Object.entries(config.countries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!settings) continue;
    const files: IngestedFile[] = [];
    for (const [i, file] of settings.files.entries()) {
      try {
        const read = readInputFile(root, file, `${configPath}: countries.${ref_area}.files.${i}.path`);
        const result = await ingestFile({ path: read.path, bytes: read.bytes }, { ref_area, tableSet: loaded.tableSet, codelists: loaded.codelists, settings });
        inputs.push(read);
        files.push({ file, result });
        const s = result.files[0];
        progress(`ingest   ${ref_area} ${read.path}: ${formatCount(result.observations.length)} observations, ${formatCount(result.rejections.length)} rejected${s ? ` of ${formatCount(s.value_cells)} value cells` : ''}`);
      } catch (e) {
        if (!isMchError(e) || e.code !== 'file-unreadable') throw e;
        unreadable.push(e);
        progress(`ingest   ${ref_area} refused: ${e.message}`);
      }
    }
    countries.push({ ref_area, files });
  }
  const data = harmonise({ config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks, countries });
  progress(`harmonise ${formatCount(data.observations.length)} observations (${formatCount(data.observations.filter((o) => o.derived).length)} derived)`);
  const report = runQuality({ config, tableSet: loaded.tableSet, codelists: loaded.codelists, data, breaks: loaded.breaks, previous });
  progress(`check    ${report.rules.length} rules, ${formatCount(report.findings.length)} findings, gate ${report.gate.passed ? 'passed' : 'blocked'}`);
  return { inputs, unreadable, data, report, previous };
}

/** The previous published release, read from its observations.csv. */
function loadPrevious(loaded: LoadedConfig): ChainResult['previous'] {
  const prev = loaded.config.previous_release;
  if (!prev) return undefined;
  const dir = repoPath(loaded.root, prev, `${loaded.configPath}: previous_release`);
  const csv = join(dir, 'data', 'observations.csv');
  if (!existsSync(csv)) {
    throw new MchError('config-invalid', `${loaded.configPath}: previous_release ${prev} has no data/observations.csv; publish that release first`, {
      where: `${loaded.configPath}: previous_release`,
    });
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { version?: string };
  return { version: manifest.version ?? displayPath(loaded.root, dir), observations: readObservationsCsv(readFileSync(csv, 'utf8')) };
}
