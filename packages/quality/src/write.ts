import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QualityReport } from '@mch/core';
import { type FeedbackInput, feedbackCountries, feedbackKey, feedbackWorkbook } from './feedback/workbook';
import { groupFindings } from './groups';
import { type ReportTemplates, renderReportHtml } from './report-html';
import { reportJsonChunks } from './report-json';
import { renderReportPdf } from './report-pdf';

/** templates/report/ at the repository root, so wording and layout are edited without code. */
export const REPORT_TEMPLATE = fileURLToPath(new URL('../../../templates/report/report.html.hbs', import.meta.url));
export const REPORT_SCRIPT = fileURLToPath(new URL('../../../templates/report/report.js', import.meta.url));

/** A file a country sent (path as recorded in provenance, its bytes, who sent it): feedback is placed on it. */
export type ReportInputFile = FeedbackInput;

export async function readReportTemplates(): Promise<ReportTemplates> {
  const [page, script] = await Promise.all([readFile(REPORT_TEMPLATE, 'utf8'), readFile(REPORT_SCRIPT, 'utf8')]);
  return { page, script };
}

/** Writes each file beside its final name first, so a killed run never leaves half a report. */
async function writeAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const tmp = `${path}.tmp`;
  if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(tmp, data);
  else await writeChunks(tmp, data);
  await rename(tmp, path);
}

/** Pieces joined into blocks of about 1 MB and written as the disk takes them: memory stays at one block. */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let block = '';
  const flush = async () => {
    if (!out.write(block)) await once(out, 'drain');
    block = '';
  };
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= 1 << 20) await flush();
  }
  if (block) await flush();
  out.end();
  await once(out, 'close');
}

/**
 * Feedback workbooks made before, by country and feedbackKey: a country whose files and findings
 * are those of an earlier run gets that run's workbook, not another copy made. The caller
 * keys by the code too (another version of this package makes other bytes), and keeps each
 * country's apart, so one country's rounds never push out another's workbook.
 */
export interface FeedbackCache {
  read(country: string, key: string): Uint8Array | undefined;
  write(country: string, key: string, bytes: Uint8Array): void;
}

/**
 * The internal report forms of quality.md, written to outDir: report.json (streamed), report.html,
 * report.pdf and feedback/<ISO3>.xlsx for every country that sent anything (on its own files,
 * when given), one workbook at a time, from `feedbackCache` where it has the country's. The
 * findings are grouped once for every form. Returns the written paths.
 */
export async function writeInternalReports(
  report: QualityReport,
  outDir: string,
  inputs: ReportInputFile[] = [],
  options: { feedbackCache?: FeedbackCache } = {},
): Promise<string[]> {
  const templates = await readReportTemplates();
  await mkdir(join(outDir, 'feedback'), { recursive: true });
  const groups = groupFindings(report.findings);
  const written: string[] = [];
  const put = async (name: string, data: string | Uint8Array | Iterable<string>) => {
    const path = join(outDir, name);
    await writeAtomic(path, data);
    written.push(path);
  };
  await put('report.json', reportJsonChunks(report, groups));
  await put('report.html', renderReportHtml(report, templates, groups));
  await put('report.pdf', await renderReportPdf(report, groups));
  const cache = options.feedbackCache;
  for (const r of feedbackCountries(report, inputs)) {
    const files = inputs.filter((i) => i.ref_area === r);
    const key = cache && feedbackKey(report, r, files);
    let bytes = key === undefined ? undefined : cache!.read(r, key);
    if (!bytes) {
      bytes = (await feedbackWorkbook(report, r, files)).bytes;
      if (key !== undefined) cache!.write(r, key, bytes);
    }
    await put(join('feedback', `${r}.xlsx`), bytes);
  }
  return written;
}
