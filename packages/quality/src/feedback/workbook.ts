import { createHash } from 'node:crypto';
import type { Finding, QualityReport } from '@mch/core';
import { type ZipEntry, cmp, deflatePieces, dosDateOf, storedEntries, zipArchive } from '@mch/core';
import { excelWorkbook } from '@mch/office/exceljs';
import type ExcelJS from 'exceljs';
import { withRows, worksheetPath, xmlSafe } from './listing-xml';
import { csvLines, isWorkbook } from './original-text';
import { LISTING_HEADER, noteText, SEVERITY } from './text';

/** A file a country sent, as the CLI read it. */
export interface FeedbackInput {
  path: string;
  bytes: Uint8Array;
  ref_area: string;
  /** the sha256 of the bytes, where the caller has it (else feedbackKey hashes them) */
  sha256?: string;
}

export interface FeedbackWorkbook {
  ref_area: string;
  bytes: Buffer;
  /** the country's workbook the findings were placed on, or null for a listing only */
  annotated: string | null;
}

const SUMMARY = 'MCH summary';
const LISTING = 'MCH findings';

/**
 * The original workbooks that exceljs could read back, by path; the others are listed only. Only
 * those a finding points into are read (to be annotated, or for the original values the listing
 * shows): a country's earlier rounds and clean files are never opened, nor any file of a country
 * without findings.
 */
async function loadWorkbooks(files: FeedbackInput[], findings: readonly Finding[]): Promise<Map<string, ExcelJS.Workbook>> {
  const pointed = new Set(findings.flatMap((x) => x.sources.filter((s) => s.sheet).map((s) => s.file)));
  const out = new Map<string, ExcelJS.Workbook>();
  for (const f of files) {
    if (!isWorkbook(f.path) || !pointed.has(f.path)) continue;
    try {
      const wb = new (excelWorkbook())();
      await wb.xlsx.load(Buffer.from(f.bytes) as unknown as ArrayBuffer);
      if (wb.getWorksheet(SUMMARY) || wb.getWorksheet(LISTING)) continue;
      out.set(f.path, wb);
    } catch {
      // not round-trippable: its findings go to the listing with their place
    }
  }
  return out;
}

/** The findings a country is asked about: its own, and those whose cells lie in its files (mirror). */
function findingsFor(report: QualityReport, r: string, files: Set<string>): Finding[] {
  return report.findings.filter((f) => f.rule !== 'MCH-W01' && (f.ref_area === r || f.sources.some((s) => files.has(s.file))));
}

function originalValue(path: string, sheet: string, cell: string, books: Map<string, ExcelJS.Workbook>, csv: Map<string, (line: string) => string>): string {
  if (!sheet) return csv.get(path)?.(cell) ?? '';
  const ws = books.get(path)?.getWorksheet(sheet);
  if (!ws) return '';
  try {
    return ws.getCell(cell).text ?? '';
  } catch {
    return '';
  }
}

/** The places a finding is listed at: its sources, or one row without a place. */
const NO_PLACE = [{ file: '', sheet: '', cell: '' }];
const placesOf = (f: Finding) => (f.sources.length ? f.sources : NO_PLACE);

/** One row per finding and place, with the original value found there. */
function* listingRows(findings: Finding[], books: Map<string, ExcelJS.Workbook>, csv: Map<string, (line: string) => string>): Generator<(string | number)[]> {
  for (const f of findings) {
    for (const s of placesOf(f)) {
      yield [
        f.id,
        f.rule,
        `${SEVERITY[f.severity].en} / ${SEVERITY[f.severity].ru}`,
        f.table,
        f.time_period ?? '',
        f.migr_type,
        f.sex,
        f.age,
        f.partner,
        f.message,
        f.message_ru,
        s.file,
        s.sheet,
        s.cell,
        s.file ? originalValue(s.file, s.sheet, s.cell, books, csv) : '',
        f.waived ? `yes / да: ${f.waiver?.justification ?? ''}` : '',
      ];
    }
  }
}

const LISTING_WIDTHS = LISTING_HEADER.map((_, i) => (i === 9 || i === 10 ? 70 : i === 0 ? 40 : 14));

/** The listing sheet with its header row alone: its rows are spliced in as XML once exceljs has written the workbook (written). */
function addListingHeader(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(LISTING);
  ws.addRow(LISTING_HEADER).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = LISTING_WIDTHS[i] ?? 14;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function summaryRows(report: QualityReport, r: string, findings: Finding[], files: FeedbackInput[], annotated: string | null): (string | number)[][] {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s && !f.waived).length;
  return [
    [`Migration Clearing House: quality feedback for ${r}, release ${report.version}`],
    [`Информационный центр по миграции: замечания по данным ${r}, выпуск ${report.version}`],
    [],
    ['', 'English', 'Русский'],
    ['errors (block publication)', count('error'), 'ошибки (препятствуют публикации)'],
    ['warnings (please check)', count('warning'), 'предупреждения (просим проверить)'],
    ['information (mirror, revisions, benchmarks)', count('info'), 'информация (зеркальная статистика, пересмотры, ориентиры)'],
    ['waived', findings.filter((f) => f.waived).length, 'исключения'],
    [],
    annotated
      ? [`The findings are marked on your cells in a copy of ${annotated} (red: error, yellow: warning, blue: information; the comment on each cell says what was found).`]
      : ['Your files could not be annotated (CSV or a workbook that cannot be read back); every finding is listed with its file, sheet and cell or line.'],
    annotated
      ? [`Замечания отмечены на ваших ячейках в копии файла ${annotated} (красный — ошибка, жёлтый — предупреждение, синий — информация; в примечании к ячейке указано, что обнаружено).`]
      : ['Ваши файлы не удалось разметить (CSV или книга, которую нельзя прочитать повторно); все замечания перечислены с указанием файла, листа и ячейки или строки.'],
    [`Every finding, with the original value and its place: sheet "${LISTING}". / Все замечания с исходными значениями и их местом: лист «${LISTING}».`],
    [],
    ['files received / полученные файлы'],
    ...files.map((f) => [f.path]),
  ];
}

const SUMMARY_WIDTHS = [60, 10, 60];
const TITLE_FONT = { bold: true, size: 13 };

function addSummary(wb: ExcelJS.Workbook, report: QualityReport, r: string, findings: Finding[], files: FeedbackInput[], annotated: string | null): void {
  const ws = wb.addWorksheet(SUMMARY);
  for (const row of summaryRows(report, r, findings, files, annotated)) ws.addRow(row.map((v) => (typeof v === 'string' ? xmlSafe(v) : v)));
  ws.getRow(1).font = TITLE_FONT;
  ws.getRow(2).font = TITLE_FONT;
  SUMMARY_WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

/**
 * The workbook's bytes: exceljs writes it uncompressed with the listing's header row alone; the
 * listing's rows go into that sheet as XML text (listing-xml.ts), so thousands of findings are
 * never exceljs cell objects; then zlib deflates every entry (JSZip's deflate is JavaScript, a
 * third of the time), each stamped with the release date so the same workbook is the same bytes.
 */
async function written(wb: ExcelJS.Workbook, report: QualityReport, findings: Finding[], books: Map<string, ExcelJS.Workbook>, csv: Map<string, (line: string) => string>): Promise<Buffer> {
  const fixed = new Date(`${report.release_date}T00:00:00Z`);
  wb.created = fixed;
  wb.modified = fixed;
  wb.lastModifiedBy = 'mch';
  const entries = storedEntries(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })));
  const text = (name: string) => Buffer.from(entries.find(([n]) => n === name)?.[1] ?? []).toString('utf8');
  const listing = worksheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'), LISTING);
  const rows = findings.reduce((n, f) => n + placesOf(f).length, 0);
  const withListing: ZipEntry[] = [];
  for (const [name, content] of entries) withListing.push([name, name === listing ? await deflatePieces(withRows(content, listingRows(findings, books, csv), LISTING_HEADER.length, rows)) : content]);
  return Buffer.from(zipArchive(withListing, { dosDate: dosDateOf(report.release_date) }));
}

/** The workbook of a country whose files cannot be annotated (CSV, or a workbook that does not read back): summary and listing. */
async function listingWorkbook(report: QualityReport, r: string, findings: Finding[], files: FeedbackInput[], books: Map<string, ExcelJS.Workbook>, csv: Map<string, (line: string) => string>): Promise<Buffer> {
  const wb = new (excelWorkbook())();
  wb.creator = 'mch';
  addSummary(wb, report, r, findings, files, null);
  addListingHeader(wb);
  return written(wb, report, findings, books, csv);
}

/** Highlight and comment on each cell of the workbook a finding points to; returns how many cells. */
function annotate(wb: ExcelJS.Workbook, path: string, findings: Finding[]): number {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const s of f.sources) {
      if (s.file !== path || !s.sheet) continue;
      const k = `${s.sheet}\u0000${s.cell}`;
      const list = byCell.get(k);
      if (list) {
        if (!list.includes(f)) list.push(f);
      } else byCell.set(k, [f]);
    }
  }
  let placed = 0;
  for (const [k, list] of [...byCell].sort(([a], [b]) => cmp(a, b))) {
    const [sheet = '', address = ''] = k.split('\u0000');
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = list.some((f) => f.severity === 'error') ? 'error' : list.some((f) => f.severity === 'warning') ? 'warning' : 'info';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY[worst].argb } };
    // exceljs writes a note's text as it is: what XML cannot hold would make the workbook unreadable
    cell.note = xmlSafe(noteText(list));
    placed++;
  }
  return placed;
}

/** The workbook holding most of the cells the findings point to (ties: the later file). */
function baseWorkbook(files: FeedbackInput[], books: Map<string, ExcelJS.Workbook>, findings: Finding[]): string | null {
  let best: string | null = null;
  let most = 0;
  for (const f of files) {
    if (!books.has(f.path)) continue;
    const n = findings.reduce((s, x) => s + x.sources.filter((src) => src.file === f.path && src.sheet).length, 0);
    if (n > 0 && n >= most) {
      best = f.path;
      most = n;
    }
  }
  return best;
}

/**
 * feedback/<ISO3>.xlsx for one country (quality.md): a copy of its workbook with the findings on
 * their cells, or a new workbook where it sent CSV or a workbook that cannot be read back; both
 * with a summary and the full listing in English and Russian.
 */
export async function feedbackWorkbook(report: QualityReport, r: string, files: FeedbackInput[]): Promise<FeedbackWorkbook> {
  const findings = findingsFor(report, r, new Set(files.map((f) => f.path)));
  const books = await loadWorkbooks(files, findings);
  const csv = new Map(files.filter((f) => !isWorkbook(f.path)).map((f) => [f.path, csvLines(f.bytes)]));
  const base = baseWorkbook(files, books, findings);
  const listingOnly = async () => ({ ref_area: r, bytes: await listingWorkbook(report, r, findings, files, books, csv), annotated: null });
  if (!base) return listingOnly();
  const wb = books.get(base)!;
  annotate(wb, base, findings);
  try {
    addSummary(wb, report, r, findings, files, base);
    addListingHeader(wb);
  } catch {
    // the country's workbook does not take the sheets: the listing alone, as for CSV
    return listingOnly();
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.length - 2, visibility: 'visible' }];
  return { ref_area: r, bytes: await written(wb, report, findings, books, csv), annotated: base };
}

/**
 * Everything a country's feedback workbook is made from, as one hash: the release's version and
 * date, the country, its files (path and content) and the findings it is asked about, in order.
 * The workbook is a function of these alone, so a workbook kept under its key is the one this run
 * would make (with the same code: the caller's cache keys by that too).
 */
export function feedbackKey(report: QualityReport, r: string, files: FeedbackInput[]): string {
  const hash = createHash('sha256').update(JSON.stringify([report.version, report.release_date, r]));
  for (const f of files) hash.update(`\n${f.path}\n${f.sha256 ?? createHash('sha256').update(f.bytes).digest('hex')}`);
  hash.update('\n');
  for (const finding of findingsFor(report, r, new Set(files.map((f) => f.path)))) hash.update(JSON.stringify(finding)).update('\n');
  return hash.digest('hex');
}

/** The countries that get a feedback workbook: every one that sent anything, by ISO3 code. */
export function feedbackCountries(report: QualityReport, inputs: FeedbackInput[]): string[] {
  const countries = new Set(inputs.map((i) => i.ref_area));
  for (const c of report.completeness) if (c.observations + c.rejected > 0) countries.add(c.ref_area);
  // the code names a file: only an ISO3 code may
  return [...countries].filter((c) => /^[A-Z]{3}$/.test(c)).sort(cmp);
}
