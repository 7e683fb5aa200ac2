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
  const out = new LineBytes(header.length);
  out.line(header);
  for (let from = 0; from < count; from += rowsPerPiece) {
    const to = Math.min(count, from + rowsPerPiece);
    for (let i = from; i < to; i++) out.line(row(i));
    yield out.take();
  }
  if (out.length) yield out.take();
}

/**
 * Bytes from which a copy, and characters from which a field's escaping and encoding, are left to
 * Node: a call into it costs about what a loop here takes over that many (measured on tier M's
 * observations.csv rows).
 */
const COPY_NATIVE_FROM = 16;
const WRITE_NATIVE_FROM = 32;
/** The buffer the first piece starts in (one of 20 000 rows of observations.csv grows it to 4 MB); the next start at what the last one needed. */
const PIECE_BYTES = 1 << 20;

/**
 * CSV lines written as bytes straight into the piece, no string of a line made. Rows come in key
 * order, so most columns (country, table, year, statuses, source file …) repeat the field above:
 * a run of fields that all repeat the line above is one copy of that line's bytes (commas
 * included), and only the fields that changed are escaped and encoded. In observations.csv a line
 * is mostly two such runs (the key up to the partner, the statuses up to the sheet) around four
 * new fields, so two copies and four writes where a copy per field took most of the time. No
 * string of each line is concatenated and then encoded, so writing millions of rows leaves little
 * garbage (BENCHMARKS.md: "CSV lines written as bytes", "runs of repeated fields").
 */
class LineBytes {
  private buffer = Buffer.allocUnsafe(PIECE_BYTES);
  length = 0;
  // per column: the text of its field in the last line (undefined: the last line had no such field)
  private readonly lastIn: (string | undefined)[];
  // the last line: where its bytes are, and per column where its field starts and ends in them
  private lineAt: Buffer = this.buffer;
  private lineStart = 0;
  private readonly fieldStart: Int32Array;
  private readonly fieldEnd: Int32Array;
  // per column of the line being written: whether its field repeats the last line's
  private readonly repeats: Uint8Array;

  constructor(private readonly width: number) {
    this.lastIn = new Array(width).fill(undefined);
    this.fieldStart = new Int32Array(width);
    this.fieldEnd = new Int32Array(width);
    this.repeats = new Uint8Array(width);
  }

  line(fields: readonly string[]): void {
    const { width, lastIn, fieldStart, fieldEnd, repeats } = this;
    const n = Math.min(width, fields.length);
    // room for the most the line can take, once, so that nothing below checks or grows
    let most = fields.length + 1;
    for (let k = 0; k < n; k++) {
      const same = fields[k] === lastIn[k];
      repeats[k] = same ? 1 : 0;
      most += same ? fieldEnd[k]! - fieldStart[k]! : mostBytes(fields[k]!);
    }
    for (let k = n; k < fields.length; k++) most += mostBytes(fields[k]!);
    this.room(most);
    const b = this.buffer;
    const from = this.lineAt;
    const fromStart = this.lineStart;
    const start = this.length;
    let p = start;
    for (let j = 0; j < n; ) {
      if (j > 0) b[p++] = COMMA;
      if (repeats[j]) {
        // the run of fields [j, k) as the line above has them, commas between included
        let k = j + 1;
        while (k < n && repeats[k]) k++;
        const shift = p - start - fieldStart[j]!;
        p = copyBytes(from, fromStart + fieldStart[j]!, fieldEnd[k - 1]! - fieldStart[j]!, b, p);
        for (let m = j; m < k; m++) {
          fieldStart[m] = fieldStart[m]! + shift;
          fieldEnd[m] = fieldEnd[m]! + shift;
        }
        j = k;
      } else {
        const value = fields[j]!;
        fieldStart[j] = p - start;
        p = writeField(value, b, p);
        fieldEnd[j] = p - start;
        lastIn[j] = value;
        j++;
      }
    }
    // a shorter row (none in a release's files) leaves nothing of the columns it lacks to repeat
    for (let k = n; k < width; k++) lastIn[k] = undefined;
    // fields past the header's width (none in a release's files) are escaped each time
    for (let k = width; k < fields.length; k++) {
      if (k > 0) b[p++] = COMMA;
      p = writeField(fields[k]!, b, p);
    }
    b[p++] = NEWLINE;
    this.length = p;
    this.lineAt = b;
    this.lineStart = start;
  }

  /**
   * The bytes so far; the next line starts a new piece. The last line, which the next may copy
   * from, is copied first, so it keeps no piece alive. A piece under half its buffer is a copy,
   * and the buffer is written again: a piece never holds more than twice its bytes (after one
   * huge line, the buffer goes back to the size pieces need).
   */
  take(): Buffer {
    const used = this.length;
    const small = used * 2 < this.buffer.length;
    const piece = small ? Buffer.from(this.buffer.subarray(0, used)) : this.buffer.subarray(0, used);
    let fields = 0;
    while (fields < this.width && this.lastIn[fields] !== undefined) fields++;
    const kept = fields ? this.fieldEnd[fields - 1]! : 0;
    this.lineAt = Buffer.from(this.lineAt.subarray(this.lineStart, this.lineStart + kept));
    this.lineStart = 0;
    const fits = Math.max(PIECE_BYTES, Math.ceil(used * 1.25));
    if (!small || this.buffer.length > 2 * fits) this.buffer = Buffer.allocUnsafe(fits);
    this.length = 0;
    return piece;
  }

  /** Room for `bytes` more: a bigger buffer holding what was written (the last line is read where it was written). */
  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/** The most bytes a field's text escapes to: three per UTF-16 unit (UTF-8; a doubled quote takes two), the quotes around and the guard. */
function mostBytes(text: string): number {
  return 3 * text.length + 3;
}

/**
 * `text` escaped as csvField does, written at `p`; returns where it ends. ASCII here byte by byte,
 * quoted with its quotes doubled where it holds a comma, quote or line end; text beyond ASCII,
 * long text or text a spreadsheet might run as a formula through csvField and Node's encoder.
 */
function writeField(text: string, b: Buffer, p: number): number {
  const n = text.length;
  if (n === 0) return p;
  if (n >= WRITE_NATIVE_FROM || guardable(text)) return p + b.write(csvField(text), p, 'utf8');
  let quote = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return p + b.write(csvField(text), p, 'utf8');
    if (c === QUOTE || c === COMMA || c === NEWLINE || c === RETURN) quote = true;
    b[p + i] = c;
  }
  if (!quote) return p + n;
  b[p++] = QUOTE;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    b[p++] = c;
    if (c === QUOTE) b[p++] = QUOTE;
  }
  b[p++] = QUOTE;
  return p;
}

/**
 * `length` bytes of `from` at `start` copied to `to` at `p` (never overlapping); returns where they
 * end. Runs of COPY_NATIVE_FROM bytes or more by Node (copyWithin within one buffer, the line
 * above and most fields), shorter ones byte by byte.
 */
function copyBytes(from: Buffer, start: number, length: number, to: Buffer, p: number): number {
  if (length >= COPY_NATIVE_FROM) {
    if (from === to) to.copyWithin(p, start, start + length);
    else from.copy(to, p, start, start + length);
    return p + length;
  }
  for (let i = start, end = start + length; i < end; i++) to[p++] = from[i]!;
  return p;
}

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;

/** Whether the text starts as a formula may (csvField decides whether it is guarded). */
function guardable(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === RETURN;
}
