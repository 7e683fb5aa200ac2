import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { excelWorkbook } from '@mch/office/exceljs';
import { diffArrays } from 'diff';
import { parseCsv } from '../csv-read';
import { MANIFEST } from '../datapackage';
import { readPx } from '../px/table';
import { dataScriptData } from '../site/page';

/** One difference of content: the file, the place inside it (cell, line, field) and both values. */
export interface CellDifference {
  path: string;
  where: string;
  published: string;
  rebuilt: string;
  /**
   * Words about the figures, not a figure or what names one: a note of a table file (its text, its
   * number, the marks referring to it) reworded, added or dropped, bringing no number the published
   * file does not hold. Under another code version such a difference is wording, not a failure to
   * reproduce (compareReleases).
   */
  wording?: true;
}

/**
 * A file's cells by place, and the places that hold notes (`notes`): the notes of a PX file, of a
 * JSON-stat dataset or a page script, and the text of a workbook outside its tables' grids and
 * the codes, labels and headers that name their figures.
 */
interface Read {
  cells: Cells;
  notes: ReadonlySet<string>;
  /** of those, the places that hold a note's number alone (a cell's list of its notes) */
  numbers?: ReadonlySet<string>;
}

const NO_NOTES: ReadonlySet<string> = new Set();
const plain = (cells: Cells): Read => ({ cells, notes: NO_NOTES });

type Comparer = (path: string, published: Buffer, rebuilt: Buffer) => Promise<CellDifference[]>;

/** How each kind of file is compared when bytes may differ (another code version or environment). */
const COMPARERS: Record<string, Comparer> = {
  csv: async (path, a, b) => compareTables(path, plain(csvCells(a, path)), plain(csvCells(b, path))),
  px: async (path, a, b) => compareTables(path, pxCells(a), pxCells(b)),
  json: async (path, a, b) => {
    const manifest = path === MANIFEST;
    // a release made before the manifest stated its waivers is compared without them; one that states them, with them
    const older = manifest && !statesWaivers(a);
    const read = (bytes: Buffer) => (manifest ? plain(jsonCells(bytes, true, older)) : withJsonNotes(jsonCells(bytes, false)));
    return compareTables(path, read(a), read(b));
  },
  xlsx: async (path, a, b) => compareTables(path, await workbookCells(a), await workbookCells(b)),
  // laid out by pdftotext: the spaces that align its columns follow the layout, not the content
  pdf: async (path, a, b) => compareLines(path, spaced(pdfText(a)), spaced(pdfText(b))),
  // the release page's data scripts (site/*.js): one line of JSON each, compared field by field
  js: async (path, a, b) => compareTables(path, withJsonNotes(jsonCells(scriptData(a), false)), withJsonNotes(jsonCells(scriptData(b), false))),
};

const scriptData = (bytes: Buffer) => Buffer.from(JSON.stringify(dataScriptData(bytes.toString('utf8'))));

/** The differences of substance between two versions of one release file. */
export async function contentDifferences(path: string, published: Buffer, rebuilt: Buffer): Promise<CellDifference[]> {
  if (path === CHANGES) return compareTables(path, plain(changesCells(published)), plain(changesCells(rebuilt)));
  if (path === PAGE) return compareTables(path, plain(pageCells(published)), plain(pageCells(rebuilt)));
  const ext = path.slice(path.lastIndexOf('.') + 1);
  const compare = COMPARERS[ext] ?? (async (p, a, b) => compareLines(p, a.toString('utf8'), b.toString('utf8')));
  return compare(path, published, rebuilt);
}

type Cells = Map<string, string>;

/**
 * Of the differences of a document the code words (notes, quality summary), those that change a
 * figure rather than words. In report.json, a value of the mirror comparison or of the emigration
 * estimates (the rules' counts and every text are the code's own). In a text, a changed line
 * carrying a number the published document holds nowhere ("5 254" → "5 300"), which reflowed or
 * reworded lines do not; the rows of the rule table (they name a rule, MCH-X00) count what a
 * version of the code checked, which another may count otherwise.
 */
export async function figuresChanged(path: string, published: Buffer, cells: readonly CellDifference[], inputsText = ''): Promise<CellDifference[]> {
  if (path.endsWith('.json')) return cells.filter((c) => FIGURE_PATH.test(c.where));
  const text = path.endsWith('.pdf') ? pdfText(published) : published.toString('utf8');
  // the lines compared have their layout's runs of spaces made one (compareLines), which joins a
  // figure to the next ("1 056 367"): the published text is read both ways. Numbers the inputs
  // say (a waiver's justification in the configuration) may appear in a newer wording too.
  const held = new Set([...numbersOf(text), ...numbersOf(spaced(text)), ...numbersOf(inputsText)]);
  const brings = (line: string) => line !== '(none)' && !RULE_ROW.test(line) && numbersOf(line).some((n) => !held.has(n));
  return cells.filter((c) => brings(c.rebuilt));
}

/** The figures of the public quality summary: the mirror comparison's values and the emigration estimates. */
const FIGURE_PATH = /^(?:mirror\.\d+\.(?:immigration|emigration|ratio|asymmetry)|emigration_estimates\.\d+\.(?!sending$|time_period$)\w+(?:\.\d+)?)$/;
const RULE_ROW = /MCH-[A-Z]\d{2}/;

/** The numbers of a text as it writes them, thousands grouped by a space ("5 254", "2.26", "16 054"): no digits inside a word ("T06"). */
function numbersOf(text: string): string[] {
  return text.match(/(?<![\p{L}\p{N}.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?![\p{L}\p{N}])/gu)?.map((n) => n.replace(/[ \u00a0\u202f]/g, '')) ?? [];
}

/**
 * The cells that differ. A difference at a place that holds notes in both files (or in the one
 * that has it) is wording, unless its new text brings a number the published file holds in none
 * of its cells (a note's own number and the marks that cite it aside): "these values are marked
 * [e]" → "these values are marked as estimated" is wording, "rounded to 3 100" → "3 200" is not.
 */
function compareTables(path: string, a: Read, b: Read): CellDifference[] {
  const out: CellDifference[] = [];
  let held: Set<string> | undefined;
  const noted = (where: string) => (!a.cells.has(where) || a.notes.has(where)) && (!b.cells.has(where) || b.notes.has(where));
  const numbered = (where: string) => Boolean(a.numbers?.has(where) || b.numbers?.has(where));
  const differ = (where: string, published: string, rebuilt: string) => {
    const d: CellDifference = { path, where, published, rebuilt };
    if (noted(where)) {
      held ??= new Set([...a.cells.values()].flatMap((v) => numbersOf(withoutNoteNumbersAndDates(v))));
      if (rebuilt === '(none)' || numbered(where) || numbersOf(withoutNoteNumbersAndDates(rebuilt)).every((n) => held!.has(n))) d.wording = true;
    }
    out.push(d);
  };
  for (const [where, v] of a.cells) if (b.cells.get(where) !== v) differ(where, v, b.cells.get(where) ?? '(none)');
  for (const [where, v] of b.cells) if (!a.cells.has(where)) differ(where, '(none)', v);
  return out;
}

/**
 * A note's number ("note 23", "[note 23]") is where the note stands in its file, and a day of a
 * month ("1 January", "31 декабря") when the figures count: neither is a figure.
 */
const withoutNoteNumbersAndDates = (text: string) => text.replace(/\bnote \d+/gi, 'note').replace(DAY_OF_MONTH, 'day');

const DAY_OF_MONTH = new RegExp(
  `\\b\\d{1,2} (?:${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'].join('|')})(?![\\p{L}])`,
  'gu',
);

/** A CSV cell is named by its line and column, e.g. `line 12 obs_value`. */
function csvCells(bytes: Buffer, path: string): Cells {
  const rows = parseCsv(bytes.toString('utf8'), path);
  const header = rows[0] ?? [];
  const cells: Cells = new Map();
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      cells.set(`line ${i + 1} ${i === 0 ? `column ${j + 1}` : (header[j] ?? `column ${j + 1}`)}`, v);
    });
  });
  return cells;
}

/** PX: every keyword's value by keyword, language and subkeys, and every DATA cell by its codes. */
function pxCells(bytes: Buffer): Read {
  const r = readPx(bytes);
  const cells: Cells = new Map();
  const notes = new Set<string>();
  if (!r.ok) {
    cells.set('file', `refused by the PX reader: ${r.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    return { cells, notes };
  }
  for (const e of r.table.entries) {
    if (e.keyword === 'DATA') continue;
    const key = `${e.keyword}${e.lang ? `[${e.lang}]` : ''}${e.subkeys.length ? `("${e.subkeys.join('","')}")` : ''}`;
    cells.set(key, JSON.stringify(e.items));
    if (PX_NOTES.has(e.keyword)) notes.add(key);
  }
  const view = r.table.views.get(r.table.language || 'default')!;
  const variables = [...view.stub, ...view.heading];
  let i = 0;
  const at = variables.map(() => 0);
  for (const cell of r.table.data) {
    const key = at.map((k, d) => variables[d]!.codes?.[k] ?? variables[d]!.values[k]).join('|');
    cells.set(`DATA ${key}`, cell.kind === 'number' ? String(cell.value) : `"${cell.symbol}"`);
    for (let d = at.length - 1; d >= 0; d--) {
      at[d]!++;
      if (at[d]! < variables[d]!.values.length) break;
      at[d] = 0;
    }
    i++;
  }
  cells.set('DATA cells', String(i));
  return { cells, notes };
}

/**
 * The keywords of a PX file that hold notes: on the table, on a value, on a cell. A cell's status
 * ("estimated") is also in observations.csv, compared cell by cell.
 */
const PX_NOTES = new Set(['NOTE', 'NOTEX', 'VALUENOTE', 'VALUENOTEX', 'CELLNOTE', 'CELLNOTEX']);

/**
 * JSON-stat and the page's scripts hold their notes under `note` or `notes` (dataset, category,
 * extension, a row's marks) and a cell's note numbers under `cell_notes`.
 */
function withJsonNotes(cells: Cells): Read {
  const places = [...cells.keys()];
  return {
    cells,
    notes: new Set(places.filter((where) => /(?:^|\.)(?:cell_)?notes?(?:\.|$)/.test(where))),
    numbers: new Set(places.filter((where) => /(?:^|\.)cell_notes\.\d+\.\d+$|(?:^|\.)notes\.\d+\.n$/.test(where))),
  };
}

/**
 * JSON by path (`mch.inputs.0.hash`). In the manifest the environment, the code version and the
 * bytes and hashes of the files are not content: the files themselves are compared one by one.
 * Nor, for a release made before the manifest stated its waivers, is that statement: it follows
 * from the configuration (its hash is compared) and the findings (quality/report.json).
 */
function jsonCells(bytes: Buffer, manifest: boolean, withoutWaivers = false): Cells {
  const cells: Cells = new Map();
  const walk = (v: unknown, path: string) => {
    if (manifest && (/^mch\.(environment|code_version)/.test(path) || (withoutWaivers && /^mch\.waivers/.test(path)) || /^resources\.\d+\.(bytes|hash)$/.test(path))) return;
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, path ? `${path}.${k}` : k);
    } else cells.set(path, JSON.stringify(v));
  };
  walk(JSON.parse(bytes.toString('utf8')), '');
  return cells;
}

/**
 * Every cell of every sheet, as `Sheet!B7`: its value, and for a number its format (which carries
 * the [e] markers). A sheet's grid (each column holding a number, from its first number down), the
 * headers above it and the codes and labels before it in each of its rows name the figures; every
 * other text (titles, the unit line, a row's note marks, the Notes and Cover sheets) is notes.
 */
async function workbookCells(bytes: Buffer): Promise<Read> {
  const wb = new (excelWorkbook())();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: Cells = new Map();
  const notes = new Set<string>();
  for (const ws of wb.worksheets) {
    const sheet: { where: string; row: number; col: number }[] = [];
    const firstNumber = new Map<number, number>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const shown = typeof v === 'number' ? `${v} (${cell.numFmt || 'General'})` : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
        const where = `${ws.name}!${cell.address}`;
        cells.set(where, shown);
        sheet.push({ where, row: Number(cell.row), col: Number(cell.col) });
        if (typeof v === 'number' && !firstNumber.has(Number(cell.col))) firstNumber.set(Number(cell.col), Number(cell.row));
      });
    });
    const inGrid = (c: { row: number; col: number }) => c.row >= (firstNumber.get(c.col) ?? Number.POSITIVE_INFINITY);
    const gridStarts = new Map<number, number>();
    for (const c of sheet) if (inGrid(c)) gridStarts.set(c.row, Math.min(gridStarts.get(c.row) ?? c.col, c.col));
    for (const c of sheet) {
      const header = firstNumber.has(c.col);
      const label = c.col < (gridStarts.get(c.row) ?? 0);
      if (!header && !label) notes.add(c.where);
    }
  }
  return { cells, notes };
}

const CHANGES = 'CHANGES.md';
const PAGE = 'index.html';

/**
 * The release page by content: its text by line, the release's data it embeds field by field, and
 * the page's own words (the STRINGS of its script, templates/site/js/strings.js) by line. The rest
 * of its script and its style are code, not content (another code version draws the same figures
 * its own way), and so are the hashes of them its Content-Security-Policy names. A page whose
 * release data cannot be found is compared whole, line by line: nothing is taken for code then.
 */
function pageCells(bytes: Buffer): Cells {
  const html = bytes.toString('utf8');
  const cells: Cells = new Map();
  const data = /<script\b[^>]*\bid="release"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!data) return lineCells(html);
  for (const [where, v] of jsonCells(Buffer.from(data[1]!, 'utf8'), false)) cells.set(`release data ${where}`, v);
  const words = /\nconst STRINGS = \{\n[\s\S]*?\n\};\n/.exec(html);
  cells.set('page words', words ? '(below)' : '(none found)');
  if (words) for (const [where, v] of lineCells(words[0])) cells.set(`page words ${where}`, v);
  const text = html
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/g, '$1(code)$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/g, '$1(code)$2')
    .replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-(code)'");
  for (const [where, v] of lineCells(text)) cells.set(where, v);
  return cells;
}

/**
 * CHANGES.md by line, but for its Code section (the code version it was built with and what that
 * code released): like the manifest's code_version, that is not content. Content is compared only
 * when the code version differs, so that section always would.
 */
function changesCells(bytes: Buffer): Cells {
  const cells: Cells = new Map();
  // lines named within their section ("## Summary, line 3"), so a Code section of another length moves none
  let section = '';
  let at = 0;
  for (const line of bytes.toString('utf8').split('\n').map((l) => l.trimEnd())) {
    if (line.startsWith('## ')) [section, at] = [line, 0];
    at++;
    if (section === '## Code' && at > 1) continue;
    cells.set(section ? `${section}, line ${at}` : `line ${at}`, line);
  }
  return cells;
}

/**
 * Text compared as a sequence of lines (a diff, not line against line of the same number): a
 * sentence added to the notes is one difference, not every line after it. A changed line is named by
 * its number in the rebuild; a line the rebuild no longer has, by its number in the published file.
 */
function compareLines(path: string, published: string, rebuilt: string): CellDifference[] {
  const a = textLines(published);
  const b = textLines(rebuilt);
  const out: CellDifference[] = [];
  let [i, j] = [0, 0];
  const changes = diffArrays(a, b);
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k]!;
    if (!c.added && !c.removed) {
      i += c.count;
      j += c.count;
      continue;
    }
    const removed = c.removed ? c.value : [];
    // a removal followed by an addition is a change of those lines
    const replaced = c.removed && changes[k + 1]?.added;
    const added = c.added ? c.value : replaced ? changes[++k]!.value : [];
    const paired = Math.min(removed.length, added.length);
    for (let n = 0; n < Math.max(removed.length, added.length); n++) {
      if (n < added.length) out.push({ path, where: `line ${j + n + 1}`, published: n < paired ? removed[n]! : '(none)', rebuilt: added[n]! });
      else out.push({ path, where: `published line ${i + n + 1}`, published: removed[n]!, rebuilt: '(none)' });
    }
    i += removed.length;
    j += added.length;
  }
  return out;
}

const spaced = (text: string) => text.replace(/[ \t]+/g, ' ');
const textLines = (text: string) => text.split('\n').map((l) => l.trimEnd());

function lineCells(text: string): Cells {
  return new Map(text.split('\n').map((l, i) => [`line ${i + 1}`, l.trimEnd()]));
}

/** The text of a PDF by poppler's pdftotext, once per file read (figuresChanged asks again for the one contentDifferences read). */
function pdfText(bytes: Buffer): string {
  let text = PDF_TEXTS.get(bytes);
  if (text === undefined) {
    text = pdfToText(bytes);
    PDF_TEXTS.set(bytes, text);
  }
  return text;
}

const PDF_TEXTS = new WeakMap<Buffer, string>();

/** Without pdftotext a PDF cannot be compared by content. */
function pdfToText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mch-pdf-'));
  try {
    const file = join(dir, 'f.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `(pdftotext is not installed; PDF bytes ${bytes.length})`;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a manifest states the waivers (`mch.waivers`), as manifests do since that was added. */
function statesWaivers(bytes: Buffer): boolean {
  try {
    return (JSON.parse(bytes.toString('utf8')) as { mch?: { waivers?: unknown } }).mch?.waivers !== undefined;
  } catch {
    return false;
  }
}
