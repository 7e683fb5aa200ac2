import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QualityReport } from '@mch/core';
import { renderReportHtml } from './report-html';
import { reportJson } from './report-json';

/** templates/report/ at the repository root, so wording and layout are edited without code. */
export const REPORT_TEMPLATE = fileURLToPath(new URL('../../../templates/report/report.html.hbs', import.meta.url));

/** Writes each file beside its final name first, so a killed run never leaves half a report. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** The internal report forms of quality.md, written to outDir; returns the written paths. */
export async function writeInternalReports(report: QualityReport, outDir: string): Promise<string[]> {
  const template = await readFile(REPORT_TEMPLATE, 'utf8');
  await mkdir(outDir, { recursive: true });
  const files: [string, string][] = [
    ['report.json', reportJson(report)],
    ['report.html', renderReportHtml(report, template)],
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(outDir, name);
    await writeAtomic(path, text);
    written.push(path);
  }
  return written;
}
