import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT } from '@mch/core';
import { writeInternalReports } from '@mch/quality';
import { runChain } from '../pipeline/chain';
import { loadReleaseConfig } from '../pipeline/config';
import { FeedbackWorkbookCache } from '../pipeline/feedback-cache';
import { checkOutputPlace, replaceFolder } from '../pipeline/outputs';
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

/** The internal reports replace the last ones as a whole; a folder holding anything else is refused. */
export function writeReports(dir: string, shown: string, option: string, write: (temp: string) => Promise<string[]>): Promise<string[]> {
  const ours = (d: string) => existsSync(join(d, 'report.json')) || readdirSync(d).length === 0;
  return replaceFolder(dir, shown, option, ours, async (temp) => (await write(temp)).map((p) => p.replace(temp, dir)));
}
