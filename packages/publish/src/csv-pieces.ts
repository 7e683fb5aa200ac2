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
 * each column remembers where its last field's bytes are and copies them, rather than escaping
 * and encoding the text again; and the line up to the first field that changed is copied whole
 * from the line above. No string of each line is concatenated and then encoded, so writing
 * millions of rows leaves little garbage (BENCHMARKS.md: "CSV lines written as bytes").
 */
class LineBytes {
  private buffer = Buffer.allocUnsafe(PIECE_BYTES);
  length = 0;
  // per column: the text of its last field, and where that field's bytes are (this piece or a copy)
  private readonly lastIn: (string | undefined)[];
  private readonly fieldAt: Buffer[];
  private readonly fieldStart: number[];
  private readonly fieldLength: number[];
  // the last line: where it starts, and prefix[j] the length of its first j fields with the commas between
  private lineAt: Buffer = this.buffer;
  private lineStart = 0;
  private readonly prefix: number[];

  constructor(private readonly width: number) {
    this.lastIn = new Array(width).fill(undefined);
    this.fieldAt = new Array(width).fill(this.buffer);
    this.fieldStart = new Array(width).fill(0);
    this.fieldLength = new Array(width).fill(0);
    this.prefix = new Array(width + 1).fill(0);
  }

  line(fields: readonly string[]): void {
    const { width, lastIn, fieldAt, fieldStart, fieldLength, prefix } = this;
    const n = Math.min(width, fields.length);
    // a shorter row (none in a release's files) leaves nothing of the columns it lacks to match
    for (let k = n; k < width && lastIn[k] !== undefined; k++) lastIn[k] = undefined;
    let j = 0;
    while (j < n && fields[j] === lastIn[j]) j++;
    // room for the most the line can take, once, so that nothing below checks or grows
    let most = prefix[j]! + fields.length + 1;
    for (let k = j; k < fields.length; k++) most += k < n && fields[k] === lastIn[k] ? fieldLength[k]! : mostBytes(fields[k]!);
    this.room(most);
    const b = this.buffer;
    const start = this.length;
    let p = j > 0 ? copyBytes(this.lineAt, this.lineStart, prefix[j]!, b, start) : start;
    for (; j < n; j++) {
      if (j > 0) b[p++] = COMMA;
      const value = fields[j]!;
      if (value === lastIn[j]) p = copyBytes(fieldAt[j]!, fieldStart[j]!, fieldLength[j]!, b, p);
      else {
        const at = p;
        p = writeField(value, b, p);
        lastIn[j] = value;
        fieldAt[j] = b;
        fieldStart[j] = at;
        fieldLength[j] = p - at;
      }
      prefix[j + 1] = p - start;
    }
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
   * The bytes so far; the next line starts a new piece. What the next lines may copy (each
   * column's last field, the last line's start) is copied first, so they keep no piece alive. A
   * piece under half its buffer is a copy, and the buffer is written again: a piece never holds
   * more than twice its bytes (after one huge line, the buffer goes back to the size pieces need).
   */
  take(): Buffer {
    const used = this.length;
    const small = used * 2 < this.buffer.length;
    const piece = small ? Buffer.from(this.buffer.subarray(0, used)) : this.buffer.subarray(0, used);
    for (let k = 0; k < this.width; k++) {
      if (this.lastIn[k] === undefined) continue;
      this.fieldAt[k] = Buffer.from(this.fieldAt[k]!.subarray(this.fieldStart[k]!, this.fieldStart[k]! + this.fieldLength[k]!));
      this.fieldStart[k] = 0;
    }
    let fields = 0;
    while (fields < this.width && this.lastIn[fields] !== undefined) fields++;
    this.lineAt = Buffer.from(this.lineAt.subarray(this.lineStart, this.lineStart + this.prefix[fields]!));
    this.lineStart = 0;
    const fits = Math.max(PIECE_BYTES, Math.ceil(used * 1.25));
    if (!small || this.buffer.length > 2 * fits) this.buffer = Buffer.allocUnsafe(fits);
    this.length = 0;
    return piece;
  }

  /** Room for `bytes` more: a bigger buffer holding what was written (what refers to the old one still reads it there). */
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
