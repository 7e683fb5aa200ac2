import type { QualityReport } from '@mch/core';
import Handlebars from 'handlebars';
import { reportView } from './report-view';

/**
 * report.html from the Handlebars template: every value is escaped by the template engine (no
 * triple braces), and the page's own policy forbids any network request.
 */
export function renderReportHtml(report: QualityReport, template: string): string {
  const hbs = Handlebars.create();
  const render = hbs.compile(template, { strict: true, noEscape: false });
  return render(reportView(report));
}
