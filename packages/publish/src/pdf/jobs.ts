import { qualityReportPdf } from '../quality-report-pdf';
import { type MirrorChartText, mirrorChart } from './chart';
import type { MirrorViewRow } from './mirror-view';
import { type PdfOptions, markupToPdf } from './render';

/**
 * A PDF of the release as data, so a worker thread can lay it out (threads.ts): the markup and
 * what its charts are drawn from, no functions. The same job gives the same bytes in any thread.
 */
export type PdfJob = NotesPdfJob | QualityPdfJob;

/** notes/methodology.<lang>.pdf (notes.ts makes the job). */
export interface NotesPdfJob {
  kind: 'notes';
  markup: string;
  mirror: { rows: MirrorViewRow[]; band: { low: number; high: number }; text: Omit<MirrorChartText, 'label'>; labels: string[] };
  options: Omit<PdfOptions, 'charts'>;
}

/** quality/report.pdf (quality-report.ts makes the markup). */
export interface QualityPdfJob {
  kind: 'quality';
  markup: string;
  title: string;
  date: string;
}

export function renderPdfJob(job: PdfJob): Promise<Buffer> {
  return job.kind === 'notes' ? renderNotesPdf(job) : qualityReportPdf(job.markup, job.title, job.date);
}

/** Lays out the notes of a job: the markup with the mirror chart drawn in, each bar with its label. */
export function renderNotesPdf(job: NotesPdfJob): Promise<Buffer> {
  const { rows, band, text, labels } = job.mirror;
  const labelOf = new Map(rows.map((r, i) => [r, labels[i] ?? '']));
  const chart = mirrorChart(rows, band, { ...text, label: (r) => labelOf.get(r) ?? '' });
  return markupToPdf(job.markup, { ...job.options, charts: { mirror: chart } });
}
