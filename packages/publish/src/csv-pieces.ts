import { csvField } from '@mch/core';

/** Rows per piece: a few megabytes, far below the longest string V8 makes (2^29 characters). */
const ROWS_PER_PIECE = 20_000;

/**
 * The bytes of toCsv(header, rows) (core's RFC 4180 CSV, LF line ends, formula text guarded) in
 * pieces of a few thousand rows, each piece made only when the reader asks for it: a release of
 * millions of observations is written without one string, buffer or array of rows as long as
 * the file.
 */
export function* csvPieces(header: readonly string[], count: number, row: (i: number) => readonly string[], rowsPerPiece = ROWS_PER_PIECE): Generator<Buffer> {
  let text = `${line(header)}\n`;
  for (let from = 0; from < count; from += rowsPerPiece) {
    const to = Math.min(count, from + rowsPerPiece);
    const lines: string[] = new Array(to - from);
    for (let i = from; i < to; i++) lines[i - from] = line(row(i));
    // one join, not a string grown row by row: V8 flattens a long chain of concatenations slowly
    text += `${lines.join('\n')}\n`;
    yield Buffer.from(text, 'utf8');
    text = '';
  }
  if (text) yield Buffer.from(text, 'utf8');
}

function line(fields: readonly string[]): string {
  let out = csvField(fields[0] ?? '');
  for (let i = 1; i < fields.length; i++) out += `,${csvField(fields[i]!)}`;
  return out;
}
