import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT } from '@mch/core';
import { writeInternalReports } from '@mch/quality';
import { runChain } from '../pipeline/chain';
import { loadReleaseConfig } from '../pipeline/config';
import { FeedbackWorkbookCache } from '../pipeline/feedback-cache';
import { checkOutputPlace, refuseForeignFolder, replaceFolder } from '../pipeline/outputs';
import { argPath, displayPath, findRepoRoot } from '../pipeline/repo';
import { printBlocking, printFindingSummary, printRunWarnings } from '../print';

export default defineCommand({
  meta: { name: 'check', description: 'Ingest, harmonise and run every quality rule; write the internal quality reports.' },
  args: {
    config: { type: 'positional', description: 'release configuration, e.g. pipelines/mch/2013.1.yaml', required: true },
    out: { type: 'string', description: 'report folder (default data/reports/<version>)' },
    cache: { type: 'boolean', default: true, description: 'reuse the ingest, harmonise, checks and feedback workbooks of countries whose files, settings and code are unchanged (--no-cache: compute every country)' },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const loaded = loadReleaseConfig(root, argPath(args.config), { inputs: true });
    const outDir = args.out ? argPath(args.out) : join(root, 'data', 'reports', loaded.config.version);
    const shown = args.out ?? displayPath(root, outDir);
    checkOutputPlace(outDir, shown, '--out');
    refuseForeignFolder(outDir, shown, '--out', isReportsFolder);
    const chain = await runChain(loaded, { compareWithPrevious: true, cache: args.cache });
    const written = await writeReports(outDir, shown, '--out', (temp) => writeInternalReports(chain.report, temp, chain.countryFiles, { feedbackCache: args.cache ? new FeedbackWorkbookCache(root) : undefined }));
    printFindingSummary(chain.report);
    printRunWarnings(chain.report, chain.fileWarnings);
    const feedback = written.filter((w) => w.includes(`${sep}feedback${sep}`)).length;
    console.log(`reports in ${shown}/: report.json, report.html, report.pdf, ${feedback} feedback workbook(s) in feedback/`);
    if (!chain.report.gate.passed) {
      printBlocking(chain.report);
      return EXIT.data;
    }
    return EXIT.ok;
  },
});

const REPORT_FILES = new Set(['report.json', 'report.html', 'report.pdf']);

/**
 * A folder the internal reports may replace: empty, or holding only what they write (report.json,
 * report.html, report.pdf, feedback/<ISO3>.xlsx). A file of the user's beside a report.json
 * (a thesis.docx) makes it the user's folder, never replaced.
 */
export function isReportsFolder(dir: string): boolean {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.length === 0) return true;
  if (!entries.some((e) => e.isFile() && e.name === 'report.json')) return false;
  return entries.every((e) => (e.isFile() && REPORT_FILES.has(e.name)) || (e.isDirectory() && e.name === 'feedback' && isFeedbackFolder(join(dir, e.name))));
}

const isFeedbackFolder = (dir: string) => readdirSync(dir, { withFileTypes: true }).every((e) => e.isFile() && /^[A-Z]{3}\.xlsx$/u.test(e.name));

/** The internal reports replace the last ones as a whole; a folder holding anything else is refused. */
export function writeReports(dir: string, shown: string, option: string, write: (temp: string) => Promise<string[]>): Promise<string[]> {
  return replaceFolder(dir, shown, option, isReportsFolder, async (temp) => (await write(temp)).map((p) => p.replace(temp, dir)));
}
