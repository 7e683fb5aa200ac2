import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QualityReport } from '@mch/core';
import { type FeedbackInput, feedbackWorkbooks } from './feedback/workbook';
import { renderReportHtml } from './report-html';
import { reportJson } from './report-json';
import { renderReportPdf } from './report-pdf';

/** templates/report/ at the repository root, so wording and layout are edited without code. */
export const REPORT_TEMPLATE = fileURLToPath(new URL('../../../templates/report/report.html.hbs', import.meta.url));

/** A file a country sent (path as recorded in provenance, its bytes, who sent it): feedback is placed on it. */
export type ReportInputFile = FeedbackInput;

/** Writes each file beside its final name first, so a killed run never leaves half a report. */
async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * The internal report forms of quality.md, written to outDir: report.json, report.html, report.pdf
 * and feedback/<ISO3>.xlsx for every country that sent anything (on its own files, when given).
 * Returns the written paths.
 */
export async function writeInternalReports(report: QualityReport, outDir: string, inputs: ReportInputFile[] = []): Promise<string[]> {
  const template = await readFile(REPORT_TEMPLATE, 'utf8');
  await mkdir(join(outDir, 'feedback'), { recursive: true });
  const files: [string, string | Uint8Array][] = [
    ['report.json', reportJson(report)],
    ['report.html', renderReportHtml(report, template)],
    ['report.pdf', await renderReportPdf(report)],
  ];
  for (const f of await feedbackWorkbooks(report, inputs)) files.push([join('feedback', `${f.ref_area}.xlsx`), f.bytes]);
  const written: string[] = [];
  for (const [name, data] of files) {
    const path = join(outDir, name);
    await writeAtomic(path, data);
    written.push(path);
  }
  return written;
}
