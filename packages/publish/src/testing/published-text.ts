// Test support: every text a release publishes, read as its readers read it, and what it may not say.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readPx } from '../px/index';

export interface PublishedText {
  file: string;
  /** sheet!cell, PX keyword, or page */
  where: string;
  text: string;
}

/** PX keywords whose values are codes and figures, not sentences. */
const PX_NOT_TEXT = new Set(['DATA', 'VALUES', 'CODES', 'TIMEVAL', 'AXIS-VERSION', 'LAST-UPDATED', 'CHARSET', 'CODEPAGE', 'DECIMALS', 'SHOWDECIMALS']);

/**
 * The text of: both notes PDFs and the public quality PDF (pdftotext, needs poppler), every
 * text cell of every workbook, every PX text keyword in every language, CHANGES.md and the
 * public quality report (HTML and JSON).
 */
export async function publishedTexts(dir: string): Promise<PublishedText[]> {
  const out: PublishedText[] = [];
  for (const pdf of ['notes/methodology.en.pdf', 'notes/methodology.ru.pdf', 'quality/report.pdf']) {
    const text = execFileSync('pdftotext', ['-layout', join(dir, pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const [i, page] of text.split('\f').entries()) out.push({ file: pdf, where: `page ${i + 1}`, text: page });
  }
  for (const file of readdirSync(join(dir, 'tables')).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tables', file));
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') out.push({ file: `tables/${file}`, where: `${ws.name}!${cell.address}`, text: cell.value });
        }),
      ),
    );
  }
  for (const file of readdirSync(join(dir, 'px')).sort()) {
    const read = readPx(readFileSync(join(dir, 'px', file)));
    if (!read.ok) throw new Error(`px/${file} does not read`);
    for (const e of read.table.entries) {
      if (PX_NOT_TEXT.has(e.keyword)) continue;
      const text = e.items.map((i) => (i.kind === 'text' || i.kind === 'word' ? i.text : '')).join('');
      out.push({ file: `px/${file}`, where: `${e.keyword}${e.lang ? `[${e.lang}]` : ''}(${e.subkeys.join(',')})`, text });
    }
  }
  out.push({ file: 'CHANGES.md', where: 'text', text: withoutHashes(readFileSync(join(dir, 'CHANGES.md'), 'utf8')) });
  out.push({ file: 'quality/report.html', where: 'text', text: readFileSync(join(dir, 'quality', 'report.html'), 'utf8').replace(/<[^>]+>/g, ' ') });
  for (const [where, text] of jsonStrings(JSON.parse(readFileSync(join(dir, 'quality', 'report.json'), 'utf8')), '')) out.push({ file: 'quality/report.json', where, text });
  return out;
}

/** The strings of a JSON document with their paths: its numbers are figures, not statements. */
function* jsonStrings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* jsonStrings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* jsonStrings(v, path ? `${path}.${k}` : k);
}

/** Hashes and package versions are not statements about years. */
function withoutHashes(text: string): string {
  return text.replace(/\b[0-9a-f]{40,64}\b/g, '').replace(/\d+\.\d+\.\d+/g, '');
}

const YEAR = /(?<![\d.,])(19[5-9]\d|20\d\d)(?!\d)(?![.,]\d)/g;
const BREAK = /(?:Break in series (?:from|in)|Разрыв ряда (?:с|в)) (\d{4})/g;

/**
 * What a release may not say (releases.md): a year after its release date, or a break outside
 * its reference years. Returns one line per offending text.
 */
export function untrueStatements(texts: readonly PublishedText[], releaseDate: string, referenceYears: readonly number[]): string[] {
  const releaseYear = Number(releaseDate.slice(0, 4));
  const first = Math.min(...referenceYears);
  const last = Math.max(...referenceYears);
  const out: string[] = [];
  for (const t of texts) {
    for (const m of t.text.matchAll(YEAR)) {
      if (Number(m[1]) > releaseYear) out.push(`${t.file} ${t.where}: names ${m[1]}, after the release (${releaseDate}): …${context(t.text, m.index!)}…`);
    }
    for (const m of t.text.matchAll(BREAK)) {
      const year = Number(m[1]);
      if (year < first || year > last) out.push(`${t.file} ${t.where}: a break in ${year}, outside ${first}–${last}`);
    }
  }
  return out;
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ');
}
