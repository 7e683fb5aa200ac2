import { MchError } from '@mch/core';
import { tokenize } from './tokenize';

/** One record of a long CSV and the physical lines it spans (the header is line 1). */
export interface CsvRecord {
  line: number;
  /** the last physical line of the record: after `line` only for a quoted field holding line breaks */
  end: number;
  fields: string[];
  /** the line as written, when the record is one line without quotes */
  raw?: string;
  /** why the line cannot be read as fields: a quote broke it; `raw` is the line as written */
  broken?: { en: string; ru: string; raw: string };
}

/** The longest physical line read; a longer one refuses the file (scale-and-safety.md: 10⁵-character fields are read). */
export const MAX_LINE = 1_000_000;

// a physical line ends at CRLF, LF or a lone CR (old Mac files); mixed line ends are one file's lines all the same
const BREAK = /\r\n|\n|\r/gu;

/**
 * Calls `visit` for each record in file order, never holding them all (a 10⁶-row file costs one
 * record at a time). Records are split by `tokenize`, as csv-parse splits them; physical lines are
 * counted here, not by csv-parse, whose count drifts on quoted CRLF. A quote that never closes, or
 * that closes only lines later so that whole data lines would become one field, costs only its own
 * line: those lines are read one by one and the line where the quote opens is refused (`broken`),
 * with a warning. `width` is the field count of the header in force (the reader knows where a
 * header repeats); by default, that of the first record that is not blank.
 */
export function forEachRecord(text: string, delimiter: string, file: string, warn: (text: string) => void, visit: (r: CsvRecord) => void, width?: () => number | undefined): void {
  const scan = prescan(text, delimiter);
  if (scan.longest.length > MAX_LINE) {
    throw new MchError('file-unreadable', `${file}, line ${scan.longest.line} cannot be read as CSV: a line is longer than 1 000 000 characters`, { where: `${file}:${scan.longest.line}` });
  }
  let lines: string[] | undefined;
  const physical = () => (lines ??= splitLines(text));
  if (scan.unclosed !== undefined) {
    warn(`${file}, line ${scan.unclosed}: a quote (") opens a field on line ${scan.unclosed} and is never closed, so the rest of the file would be one field; the file was read line by line, quoted line breaks are not kept`);
    byLine(physical(), 1, physical().length, delimiter, UNCLOSED, visit);
    return;
  }
  let next = 1;
  let first: number | undefined;
  const headerWidth = width ?? (() => first);
  const onRecord = (fields: string[], raw: string | undefined) => {
    const line = next;
    const end = raw === undefined ? line + breaksIn(fields) : line;
    next = end + 1;
    // before the header is read there is no width to hold a record to: the header is taken as written
    const w = headerWidth();
    if (end > line && w !== undefined && swallowsLines(fields, physical(), { line, end, delimiter, width: w })) {
      warn(`${file}, line ${line}: a quote (") opens a field that closes only on line ${end}, which would make lines ${line}–${end} one field; each of these lines was read alone`);
      byLine(physical(), line, end, delimiter, closesLate(end), visit);
    } else visit(raw === undefined ? { line, end, fields } : { line, end, fields, raw });
    if (first === undefined && !isBlank(fields)) first = fields.length;
  };
  // prescan found no unclosed quote, and the tokenizer agrees with it (a property test)
  const read = tokenize(text, delimiter, onRecord);
  if (read.unclosed !== undefined) throw new Error(`${file}: the CSV tokenizer and prescan disagree on an unclosed quote`);
}

/** A blank line, or one of delimiters only (an empty row of an Excel export): no data line. */
export function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

const UNCLOSED = (): { en: string; ru: string } => ({ en: 'a quote (") opens a field on this line and is never closed', ru: 'на этой строке открыта кавычка ("), которая нигде не закрыта' });

function closesLate(end: number) {
  return (): { en: string; ru: string } => ({
    en: `a quote (") opens a field on this line and closes only on line ${end}; the lines between were read one by one`,
    ru: `на этой строке открыта кавычка ("), которая закрывается только на строке ${end}; строки между ними прочитаны по одной`,
  });
}

function breaksIn(fields: string[]): number {
  let n = 0;
  for (const f of fields) if (f.includes('\n') || f.includes('\r')) n += f.match(BREAK)?.length ?? 0;
  return n;
}

/**
 * A record over several lines is one record, as RFC 4180 allows a line break in any quoted field,
 * only when it has the header's fields and none of its lines is a data line by itself; any other
 * is a quote out of place swallowing the lines after it. The last line of a record broken in its
 * first field holds the rest of the record, as wide as a data line: only when its first line is a
 * data line too is it a quote out of place. (No bound on the lines: a 2000-line NOTE is read.)
 */
function swallowsLines(fields: string[], lines: string[], at: { line: number; end: number; delimiter: string; width: number }): boolean {
  if (fields.length !== at.width) return true;
  const firstBroken = fields.findIndex((f) => f.includes('\n') || f.includes('\r'));
  for (let l = at.line + 1; l <= at.end; l++) {
    if (!isDataLine(lines, l, at)) continue;
    if (l < at.end || firstBroken > 0 || isDataLine(lines, at.line, at)) return true;
  }
  return false;
}

/**
 * Whether a line split at every delimiter has a data line's fields. Quotes are not followed: on a
 * line a stray quote opens or closes on they are the ones out of place, and a quoted delimiter
 * counted as a field errs towards reading lines alone, which loses none.
 */
function isDataLine(lines: string[], l: number, at: { delimiter: string; width: number }): boolean {
  return (lines[l - 1] ?? '').split(at.delimiter).length >= at.width;
}

function byLine(lines: string[], from: number, to: number, delimiter: string, why: () => { en: string; ru: string }, visit: (r: CsvRecord) => void): void {
  for (let l = from; l <= to; l++) {
    const text = lines[l - 1] ?? '';
    const read = alone(text, delimiter);
    visit(read.ok ? { line: l, end: l, fields: read.fields } : { line: l, end: l, fields: read.fields, broken: { ...why(), raw: text } });
  }
}

function alone(text: string, delimiter: string): { ok: boolean; fields: string[] } {
  let record: string[] | undefined;
  const read = tokenize(text, delimiter, (fields) => {
    record ??= fields;
  });
  return read.unclosed === undefined ? { ok: true, fields: record ?? [''] } : { ok: false, fields: text.split(delimiter) };
}

function splitLines(text: string): string[] {
  const lines = text.split(BREAK);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * One pass over the text: the longest physical line, and the line where a quoted field opens that
 * never closes. Quotes follow csv-parse with relax_quotes: a quote opens a field only at its start,
 * `""` inside it is a quote, and the next lone quote closes it (a property test holds the two together).
 */
export function prescan(text: string, delimiter: string): { unclosed?: number; longest: { line: number; length: number } } {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let line = 1;
  let lineStart = 0;
  let longest = { line: 1, length: 0 };
  let open: number | undefined;
  // from one quote or line end to the next by indexOf: a line without quotes costs two look-ups
  let quote = text.indexOf('"');
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let i = 0;
  for (;;) {
    if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
    if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    const at = Math.min(quote === -1 ? n : quote, lf === -1 ? n : lf, cr === -1 ? n : cr);
    if (at >= n) break;
    const ch = text.charCodeAt(at);
    if (ch !== 34) {
      if (at - lineStart > longest.length) longest = { line, length: at - lineStart };
      i = ch === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
      line++;
      lineStart = i;
    } else if (open !== undefined) {
      // "" inside a quoted field is a quote; the next lone quote closes it
      if (text.charCodeAt(at + 1) === 34) i = at + 2;
      else {
        open = undefined;
        i = at + 1;
      }
    } else {
      // a quote opens a field only at its start: the line's start or just after a delimiter
      if (at === lineStart || text.charCodeAt(at - 1) === d) open = line;
      i = at + 1;
    }
  }
  if (n - lineStart > longest.length) longest = { line, length: n - lineStart };
  return { ...(open !== undefined ? { unclosed: open } : {}), longest };
}
