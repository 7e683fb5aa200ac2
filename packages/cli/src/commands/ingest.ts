import { join } from 'node:path';
import { defineCommand } from 'citty';
import {
  CodeLists,
  CountrySettings,
  EXIT,
  type IngestResult,
  MchError,
  OBSERVATION_COLUMNS,
  TableSet,
  compareObservations,
  isMchError,
  observationRow,
  parseYamlWith,
  toCsv,
} from '@mch/core';
import { toPersons } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { loadReleaseConfig, readConfigText } from '../pipeline/config';
import { reportingCountry } from '../pipeline/country-arg';
import { type InputFileRead, readArgumentFile } from '../pipeline/inputs';
import { newOutputFiles, writeWhole } from '../pipeline/outputs';
import { counter, formatCount } from '../pipeline/progress';
import { argPath, findRepoRoot, repoPath } from '../pipeline/repo';

const REJECTION_COLUMNS = ['source_file', 'source_sheet', 'source_cell', 'source_raw', 'reason', 'message', 'suggestions'];

export default defineCommand({
  meta: { name: 'ingest', description: 'Read country files (xlsx or csv) and show what was read: observations, rejections, accounting.' },
  args: {
    files: { type: 'positional', description: 'one or more country files', required: true },
    country: { type: 'string', description: 'ISO alpha-3 code of the reporting country', required: true },
    config: { type: 'string', description: "release configuration whose settings for the country apply (aliases, legend, layout, basis)" },
    out: { type: 'string', description: 'output folder', required: true },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const claimed = String(args.country).toUpperCase();
    const { tableSet, codelists, settings } = countryContext(root, claimed, args.config && argPath(args.config));
    const country = reportingCountry(args.country, codelists);
    const paths = [args.files, ...args._.slice(1)].map(String).filter((p, i, all) => all.indexOf(p) === i);
    const outDir = argPath(args.out);
    newOutputFiles(outDir, args.out, '--out', OUTPUTS);
    // every file is looked at before any is read: a typo in the fifth name costs nothing
    const reads = paths.map((p) => {
      try {
        return readArgumentFile(root, p);
      } catch (e) {
        if (isMchError(e)) return e;
        throw e;
      }
    });
    const missing = reads.filter(isMchError);
    if (missing.length) throw new MchError('file-unreadable', missing[0]!.message, { details: missing.slice(1).map((e) => e.message) });
    const merged: IngestResult = { observations: [], rejections: [], files: [], metadata: [], notes: [], net_migration: [] };
    const unreadable: MchError[] = [];
    const step = counter('ingest', reads.length);
    for (const read of reads as InputFileRead[]) {
      try {
        const r = await ingestFile({ path: read.path, bytes: read.bytes }, { ref_area: country, tableSet, codelists, settings });
        for (const key of ['observations', 'rejections', 'files', 'metadata', 'notes', 'net_migration'] as const) for (const x of r[key]) (merged[key] as unknown[]).push(x);
        step.tick(`${read.path}: ${formatCount(r.observations.length)} observations, ${formatCount(r.rejections.length)} rejected`);
      } catch (e) {
        if (!isMchError(e) || e.code !== 'file-unreadable') throw e;
        unreadable.push(e);
        step.tick(`${read.path}: refused`);
      }
    }
    if (unreadable.length === reads.length) {
      const [first, ...rest] = unreadable;
      throw new MchError('file-unreadable', `${first!.message}; nothing was written`, { details: rest.map((e) => e.message) });
    }
    writeOutputs(outDir, merged, unreadable, codelists);
    printIngest(merged);
    console.log(`wrote ${args.out}/observations.csv, rejections.csv, summary.json${unreadable.length ? `, of ${reads.length - unreadable.length} of the ${reads.length} files` : ''}`);
    if (unreadable.length) {
      for (const e of unreadable) console.error(`mch: ${e.message}`);
      console.error(partialNote(args.out, unreadable.length, reads.length));
      return EXIT.cannotRun;
    }
    return merged.rejections.length ? EXIT.data : EXIT.ok;
  },
});

const OUTPUTS = ['observations.csv', 'rejections.csv', 'summary.json'];

/**
 * After a run that read some files and refused others: the outputs hold the read ones only
 * (summary.json lists the refused under "unreadable"), and since mch never overwrites them, the
 * run with the fixed files needs a folder of its own.
 */
export function partialNote(out: string, refused: number, files: number): string {
  const them = refused === 1 ? 'the file above is' : `the ${refused} files above are`;
  return `mch: ${them} not in the outputs written to ${out}/, which hold the other ${files - refused} of the ${files} files; once fixed, run again with every file and a new --out (mch does not overwrite those outputs)`;
}

/** The three outputs of cli.md, written whole or not at all. */
function writeOutputs(outDir: string, merged: IngestResult, unreadable: MchError[], codelists: CodeLists): void {
  const byKey = compareObservations(new Map(codelists.age.map((a, i) => [a.code, i])));
  const summary = {
    files: merged.files.map((f) => ({ ...f, accounted: f.value_cells === f.observations + f.rejections })),
    unreadable: unreadable.map((e) => ({ file: e.where, message: e.message })),
  };
  writeWhole([
    { path: join(outDir, OUTPUTS[0]!), bytes: toCsv(OBSERVATION_COLUMNS, merged.observations.map(toPersons).sort(byKey).map((o) => observationRow(o))) },
    {
      path: join(outDir, OUTPUTS[1]!),
      bytes: toCsv(REJECTION_COLUMNS, merged.rejections.map((r) => [r.source.file, r.source.sheet, r.source.cell, r.source.raw, r.reason, r.message, r.suggestions.join('|')])),
    },
    { path: join(outDir, OUTPUTS[2]!), bytes: `${JSON.stringify(summary, null, 2)}\n` },
  ]);
}

function printIngest(merged: IngestResult): void {
  for (const f of merged.files) {
    console.log(`${f.file} (${f.format}, sha256 ${f.sha256.slice(0, 12)}…)`);
    console.log(`  value cells read ${formatCount(f.value_cells)} = observations ${formatCount(f.observations)} + rejections ${formatCount(f.rejections)}`);
    console.log(`  tables: ${f.tables.join(' ') || 'none'}`);
    if (f.hidden_sheets.length) console.log(`  hidden sheets (read): ${f.hidden_sheets.join(', ')}`);
    if (f.ignored_sheets.length) console.log(`  ignored sheets: ${f.ignored_sheets.join(', ')}`);
    for (const w of f.warnings) console.log(`  warning: ${w}`);
  }
  for (const r of merged.rejections.slice(0, 20)) console.log(`  rejected (${r.reason}) ${r.message}`);
  if (merged.rejections.length > 20) console.log(`  … ${merged.rejections.length - 20} more in rejections.csv`);
}

/** The table set, code lists and country settings: from a release configuration, or the shipped defaults. */
export function countryContext(root: string, country: string, configPath: string | undefined) {
  if (configPath) {
    const loaded = loadReleaseConfig(root, configPath);
    return { tableSet: loaded.tableSet, codelists: loaded.codelists, settings: loaded.config.countries[country] ?? CountrySettings.parse({}) };
  }
  const read = (p: string) => readConfigText(repoPath(root, p, 'default configuration'), p);
  return {
    tableSet: parseYamlWith(TableSet, read('pipelines/mch/tables.yaml'), 'pipelines/mch/tables.yaml'),
    codelists: parseYamlWith(CodeLists, read('pipelines/mch/codelists.yaml'), 'pipelines/mch/codelists.yaml'),
    settings: CountrySettings.parse({}),
  };
}
