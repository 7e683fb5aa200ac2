import { csvField } from '@mch/core';

/** Rows per piece: a few megabytes, far below the longest string V8 makes (2^29 characters). */
const ROWS_PER_PIECE = 20_000;

/**
 * The bytes of toCsv(header, rows) (core's RFC 4180 CSV, LF line ends, formula text guarded) in
 * pieces of a few thousand rows, each row made only when its piece is: a release of millions of
 * observations is written without one string or array of rows as long as the file.
 */
export function csvPieces(header: readonly string[], count: number, row: (i: number) => readonly string[], rowsPerPiece = ROWS_PER_PIECE): Buffer[] {
  const pieces: Buffer[] = [];
  let text = `${line(header)}\n`;
  for (let from = 0; from < count; from += rowsPerPiece) {
    const to = Math.min(count, from + rowsPerPiece);
    for (let i = from; i < to; i++) text += `${line(row(i))}\n`;
    pieces.push(Buffer.from(text, 'utf8'));
    text = '';
  }
  if (text) pieces.push(Buffer.from(text, 'utf8'));
  return pieces;
}

function line(fields: readonly string[]): string {
  let out = csvField(fields[0] ?? '');
  for (let i = 1; i < fields.length; i++) out += `,${csvField(fields[i]!)}`;
  return out;
}
