import { join, sep } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT } from '@mch/core';
import { writeInternalReports } from '@mch/quality';
import { runChain } from '../pipeline/chain';
import { loadReleaseConfig } from '../pipeline/config';
import { argPath, displayPath, findRepoRoot } from '../pipeline/repo';
import { printBlocking, printFindingSummary } from '../print';

export default defineCommand({
  meta: { name: 'check', description: 'Ingest, harmonise and run every quality rule; write the internal quality reports.' },
  args: {
    config: { type: 'positional', description: 'release configuration, e.g. pipelines/mch/2013.1.yaml', required: true },
    out: { type: 'string', description: 'report folder (default data/reports/<version>)' },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const loaded = loadReleaseConfig(root, args.config);
    const chain = await runChain(loaded);
    const outDir = args.out ? argPath(args.out) : join(root, 'data', 'reports', loaded.config.version);
    const written = await writeInternalReports(chain.report, outDir, chain.countryFiles);
    printFindingSummary(chain.report);
    const feedback = written.filter((w) => w.includes(`${sep}feedback${sep}`)).length;
    console.log(`reports in ${displayPath(root, outDir)}/: report.json, report.html, report.pdf, ${feedback} feedback workbook(s) in feedback/`);
    for (const e of chain.unreadable) console.error(`mch: ${e.message}`);
    if (chain.unreadable.length) return EXIT.cannotRun;
    if (!chain.report.gate.passed) {
      printBlocking(chain.report);
      return EXIT.data;
    }
    return EXIT.ok;
  },
});
