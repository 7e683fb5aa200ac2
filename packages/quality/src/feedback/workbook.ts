import { createHash } from 'node:crypto';
import type { Finding, QualityReport } from '@mch/core';
import { cmp, dosDateOf } from '@mch/core';
import { Unreadable } from '@mch/core/xlsx';
import { rowXml, sheetXml, xmlSafe } from './listing-xml';
import { csvLines, isWorkbook } from './original-text';
import { NotAnnotatable } from './styles-edit';
import { LISTING_HEADER, noteText, SEVERITY } from './text';
import { type CellMark, WorkbookCopy, cellPlace } from './workbook-copy';

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

/** The sheets mch adds, in lower case: sheet names are unique ignoring case, so "mch Summary" would clash with mch's own. */
const OUR_SHEETS = [SUMMARY, LISTING].map((n) => n.toLowerCase());

/**
 * Copies of the country's workbooks a finding points into, by path, opened to be annotated or for
 * the original values the listing shows; the others are listed only. A country's earlier rounds
 * and clean files are never opened, nor any file of a country without findings, nor a workbook
 * that holds mch's own sheets already (a feedback workbook sent back).
 */
function openWorkbooks(files: FeedbackInput[], findings: readonly Finding[]): Map<string, WorkbookCopy> {
  const pointed = new Set(findings.flatMap((x) => x.sources.filter((s) => s.sheet).map((s) => s.file)));
  const out = new Map<string, WorkbookCopy>();
  for (const f of files) {
    if (!isWorkbook(f.path) || !pointed.has(f.path)) continue;
    try {
      const copy = WorkbookCopy.open(f.bytes);
      if (copy.sheetNames.some((n) => OUR_SHEETS.includes(n.toLowerCase()))) continue;
      out.set(f.path, copy);
    } catch (e) {
      if (!(e instanceof Unreadable || e instanceof NotAnnotatable)) throw e;
      // not a workbook whose parts can be read: its findings go to the listing with their place
    }
  }
  return out;
}

/** The findings a country is asked about: its own, and those whose cells lie in its files (mirror). */
function findingsFor(report: QualityReport, r: string, files: Set<string>): Finding[] {
  return report.findings.filter((f) => f.rule !== 'MCH-W01' && (f.ref_area === r || f.sources.some((s) => files.has(s.file))));
}

/** The places a finding is listed at: its sources, or one row without a place. */
const NO_PLACE = [{ file: '', sheet: '', cell: '' }];
const placesOf = (f: Finding) => (f.sources.length ? f.sources : NO_PLACE);

type OriginalValue = (file: string, sheet: string, cell: string) => string;

/** One row per finding and place, with the original value found there. */
function* listingRows(findings: Finding[], original: OriginalValue): Generator<(string | number)[]> {
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
        s.file ? original(s.file, s.sheet, s.cell) : '',
        f.waived ? `yes / да: ${f.waiver?.justification ?? ''}` : '',
      ];
    }
  }
}

const LISTING_WIDTHS = LISTING_HEADER.map((_, i) => (i === 9 || i === 10 ? 70 : i === 0 ? 40 : 14));

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
/** Rows of the summary in its title format (the two title lines); the rest as the workbook writes text. */
const TITLE_ROWS = 2;

/** The summary and the listing, after the workbook's own sheets; the workbook opens on the summary. */
function addFeedbackSheets(copy: WorkbookCopy, report: QualityReport, r: string, findings: Finding[], files: FeedbackInput[], annotated: string | null, original: OriginalValue): void {
  const summary = summaryRows(report, r, findings, files, annotated);
  const listingCount = findings.reduce((n, f) => n + placesOf(f).length, 0);
  copy.addSheets([
    {
      name: SUMMARY,
      pieces: ({ title }) => sheetXml({ widths: SUMMARY_WIDTHS, frozenHeader: false, selected: true }, summary.map((row, i) => rowXml(i + 1, row, i < TITLE_ROWS ? title : undefined)), SUMMARY_WIDTHS.length, summary.length),
    },
    {
      name: LISTING,
      pieces: ({ bold }) => {
        function* rows(): Generator<string> {
          yield rowXml(1, LISTING_HEADER, bold);
          let n = 1;
          for (const row of listingRows(findings, original)) yield rowXml(++n, row);
        }
        return sheetXml({ widths: LISTING_WIDTHS, frozenHeader: true, selected: false }, rows(), LISTING_HEADER.length, listingCount + 1);
      },
    },
  ]);
}

/** The marks of the cells of one workbook the findings point to, by sheet and cell: the worst severity and every finding's note. */
function marksOf(path: string, findings: Finding[]): Map<string, Map<string, CellMark>> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const s of f.sources) {
      if (s.file !== path || !s.sheet || !cellPlace(s.cell)) continue;
      const k = `${s.sheet}\u0000${s.cell.toUpperCase()}`;
      const list = byCell.get(k);
      if (list) {
        if (!list.includes(f)) list.push(f);
      } else byCell.set(k, [f]);
    }
  }
  const out = new Map<string, Map<string, CellMark>>();
  for (const [k, list] of [...byCell].sort(([a], [b]) => cmp(a, b))) {
    const [sheet = '', cell = ''] = k.split('\u0000');
    const worst = list.some((f) => f.severity === 'error') ? 'error' : list.some((f) => f.severity === 'warning') ? 'warning' : 'info';
    const marks = out.get(sheet) ?? new Map<string, CellMark>();
    out.set(sheet, marks);
    marks.set(cell, { severity: worst, note: xmlSafe(noteText(list)) });
  }
  return out;
}

/** The workbook holding most of the cells the findings point to (ties: the later file). */
function baseWorkbook(files: FeedbackInput[], books: Map<string, WorkbookCopy>, findings: Finding[]): string | null {
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
 * their cells, or a workbook of its own where it sent CSV or a workbook that cannot be read
 * back; both with a summary and the full listing in English and Russian. The copy is the
 * country's workbook part for part (WorkbookCopy): only the marked cells' formats, the notes and
 * the two sheets are new. Every entry is stamped with the release date, so the same inputs give
 * the same bytes.
 */
export async function feedbackWorkbook(report: QualityReport, r: string, files: FeedbackInput[]): Promise<FeedbackWorkbook> {
  const findings = findingsFor(report, r, new Set(files.map((f) => f.path)));
  const books = openWorkbooks(files, findings);
  const csv = new Map(files.filter((f) => !isWorkbook(f.path)).map((f) => [f.path, csvLines(f.bytes)]));
  const original: OriginalValue = (file, sheet, cell) => (sheet ? (books.get(file)?.originalValue(sheet, cell) ?? '') : (csv.get(file)?.(cell) ?? ''));
  const dosDate = dosDateOf(report.release_date);
  const listingOnly = async (): Promise<FeedbackWorkbook> => {
    const own = WorkbookCopy.empty(report.release_date);
    addFeedbackSheets(own, report, r, findings, files, null, original);
    return { ref_area: r, bytes: await own.bytes(dosDate), annotated: null };
  };
  const base = baseWorkbook(files, books, findings);
  if (!base) return listingOnly();
  const copy = books.get(base)!;
  try {
    for (const [sheet, marks] of marksOf(base, findings)) copy.mark(sheet, marks);
    addFeedbackSheets(copy, report, r, findings, files, base, original);
    return { ref_area: r, bytes: await copy.bytes(dosDate), annotated: base };
  } catch (e) {
    if (!(e instanceof Unreadable || e instanceof NotAnnotatable)) throw e;
    // the country's workbook does not take the marks or the sheets: the listing alone, as for CSV
    return listingOnly();
  }
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
