import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FindingGroup, QualityReport } from '@mch/core';
import Handlebars from 'handlebars';
import { groupFindings } from './groups';
import { reportView } from './report-view';
import { findingsData } from './report-view-findings';
import { statusOf } from './view-changes';

/** templates/report/: the page (Handlebars) and the script it runs, inline. */
export interface ReportTemplates {
  page: string;
  script: string;
}

/** JSON inside a <script type="application/json">: no character of it can close the element or start markup. */
function jsonInHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Above this many characters of data the page carries them gzipped, about a seventh of the size. */
const GZIP_ABOVE = 1 << 20;

/**
 * The data block: plain JSON while it is small (readable, searchable), else gzip in base64 that the
 * page unpacks itself (DecompressionStream). zlib at a fixed level gives the same bytes each run.
 */
function dataBlock(data: unknown): { type: string; encoding: string; text: string } {
  const json = JSON.stringify(data);
  if (json.length <= GZIP_ABOVE) return { type: 'application/json', encoding: 'json', text: jsonInHtml(json) };
  return { type: 'text/plain', encoding: 'gzip-base64', text: gzipSync(Buffer.from(json, 'utf8'), { level: 6 }).toString('base64') };
}

/**
 * report.html from the Handlebars template: every value is escaped by the template engine, the
 * findings travel as one JSON data block the page's script renders a page at a time, and the
 * page's own policy forbids any network request and any script but its own (by hash).
 */
export function renderReportHtml(report: QualityReport, templates: ReportTemplates, groups: readonly FindingGroup[] = groupFindings(report.findings)): string {
  // a closing tag inside would end the element early; the report's own script never needs one
  if (/<\/script/i.test(templates.script)) throw new Error('report: templates/report/report.js holds a closing </script> tag');
  const hbs = Handlebars.create();
  const render = hbs.compile(templates.page, { strict: true, noEscape: false });
  const block = dataBlock(findingsData(report, groups, statusOf(report)));
  return render({
    ...reportView(report, groups),
    // base64 has no character to escape; Handlebars would write '=' as an entity
    scriptHash: new hbs.SafeString(`sha256-${createHash('sha256').update(templates.script, 'utf8').digest('base64')}`),
    dataType: block.type,
    dataEncoding: block.encoding,
    data: new hbs.SafeString(block.text),
    script: new hbs.SafeString(templates.script),
  });
}
