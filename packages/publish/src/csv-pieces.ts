import { csvField } from '@mch/core';

/** Rows per piece: a few megabytes, far below the longest string V8 makes (2^29 characters). */
const ROWS_PER_PIECE = 20_000;
/** Characters of lines gathered before they are encoded: short-lived, never copied by the garbage collector. */
const LINES_TO_WRITE = 8_192;

/**
 * The bytes of toCsv(header, rows) (core's RFC 4180 CSV, LF line ends, formula text guarded) in
 * pieces of a few thousand rows, each piece made only when the reader asks for it: a release of
 * millions of observations is written without one string, buffer or array of rows as long as
 * the file.
 */
export function* csvPieces(header: readonly string[], count: number, row: (i: number) => readonly string[], rowsPerPiece = ROWS_PER_PIECE): Generator<Buffer> {
  const piece = new PieceWriter();
  const line = lineWriter(header.length);
  piece.put(`${line(header)}\n`);
  for (let from = 0; from < count; from += rowsPerPiece) {
    const to = Math.min(count, from + rowsPerPiece);
    // a few dozen lines to one write: a call into the encoder per line cost more than the lines
    let lines = '';
    for (let i = from; i < to; i++) {
      lines += `${line(row(i))}\n`;
      if (lines.length >= LINES_TO_WRITE) {
        piece.put(lines);
        lines = '';
      }
    }
    piece.put(lines);
    yield piece.take();
  }
  if (piece.length) yield piece.take();
}

/**
 * Text encoded into a buffer a few lines at a time as it comes: each is garbage the moment it is
 * written, where a string or array of a piece's lines would live long enough to be copied by the
 * garbage collector (most of the time a release of millions of rows spent in CSV).
 */
class PieceWriter {
  private capacity = 1 << 20;
  private buffer = Buffer.allocUnsafe(this.capacity);
  length = 0;

  put(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    const most = text.length * 3;
    if (this.length + most > this.buffer.length) {
      this.capacity = Math.max(this.capacity * 2, this.length + most);
      const bigger = Buffer.allocUnsafe(this.capacity);
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** The bytes so far; the next put starts a new piece (the size the last one needed). */
  take(): Buffer {
    const piece = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.capacity);
    this.length = 0;
    return piece;
  }
}

/**
 * A CSV line of fields, each column remembering its last field: rows come in key order, so most
 * columns (country, table, year, statuses, source file …) repeat the field above, and its
 * escaping is not worked out again; and the line up to the first field that changed is the one
 * the row above began with, kept whole rather than joined again.
 */
function lineWriter(width: number): (fields: readonly string[]) => string {
  const lastIn: (string | undefined)[] = new Array(width).fill(undefined);
  const lastOut: string[] = new Array(width).fill('');
  // before[j]: the last line up to its field j, which a line whose first j fields are the same begins with
  const before: string[] = new Array(width + 1).fill('');
  return (fields) => {
    const n = Math.min(width, fields.length);
    // a shorter row (none in a release's files) leaves nothing of the columns it lacks to match
    for (let k = n; k < width && lastIn[k] !== undefined; k++) lastIn[k] = undefined;
    let j = 0;
    while (j < n && fields[j] === lastIn[j]) j++;
    let line = before[j]!;
    for (; j < n; j++) {
      const value = fields[j]!;
      let out = lastOut[j]!;
      if (value !== lastIn[j]) {
        out = csvField(value);
        lastIn[j] = value;
        lastOut[j] = out;
      }
      line += j === 0 ? out : `,${out}`;
      before[j + 1] = line;
    }
    // fields past the header's width (none in a release's files) are escaped each time
    for (let k = width; k < fields.length; k++) line += k === 0 ? csvField(fields[k]!) : `,${csvField(fields[k]!)}`;
    return line;
  };
}
