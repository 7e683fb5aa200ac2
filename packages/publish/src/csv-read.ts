import { MchError } from '@mch/core';

/**
 * Strict RFC 4180 reader for the CSV files this package writes (LF or CRLF line ends, quoted
 * fields with doubled quotes). Anything malformed is refused with its line, never guessed.
 */
export function parseCsv(text: string, fileName: string, firstLine = 1): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let line = firstLine;
  let i = 0;
  const n = text.length;
  const fail = (what: string): never => {
    throw new MchError('manifest-invalid', `${fileName} line ${line}: ${what}`, { where: `${fileName}:${line}` });
  };
  // field by field, each cut out of the text in one piece (not built character by character)
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          line += newlines(text, from, n);
          return fail('an unterminated quoted field');
        }
        line += newlines(text, from, close);
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== COMMA && next !== LF && next !== CR) fail('text after a closing quote');
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) {
          i = j;
          fail('a quote inside an unquoted field');
        }
      }
      value = text.slice(i, j);
      i = j;
    }
    if (i >= n) {
      // the last line without its line end
      if (value !== '' || row.length) {
        row.push(value);
        rows.push(row);
      }
      return rows;
    }
    const c = text.charCodeAt(i);
    row.push(value);
    if (c === COMMA) {
      i++;
      // a comma last in the text: one more, empty field
      if (i === n) {
        row.push('');
        rows.push(row);
      }
      continue;
    }
    if (c === CR && text.charCodeAt(i + 1) !== LF) fail('a bare carriage return');
    rows.push(row);
    row = [];
    i += c === CR ? 2 : 1;
    line++;
  }
  return rows;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Undoes core's csvField guard: a leading apostrophe before =, +, -, @, tab or CR was added on writing. */
export function unguard(value: string): string {
  // most fields do not start with an apostrophe: no pattern is tried on them
  return value.charCodeAt(0) === APOSTROPHE && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const APOSTROPHE = 39;

/** Bytes of CSV decoded and parsed at a time: far below the longest string V8 makes (2^29 characters). */
const CHUNK_BYTES = 8 * 1024 * 1024;

/** The longest piece decoded at once: a piece ends at the first line end past CHUNK_BYTES, so only a record this long makes one longer. */
const MAX_PIECE_BYTES = 256 * 1024 * 1024;

/**
 * The records of CSV bytes, a few tens of megabytes at a time: each piece ends at a line end
 * outside quotes (an even count of quote characters before it) and is parsed with parseCsv, its
 * line numbers counted on from the pieces before. A file of any size is read (tier M's
 * observations.csv is 612 MB, more than one string may hold); the records are what memory holds.
 */
export function* csvRecords(bytes: Buffer, fileName: string, chunkBytes = CHUNK_BYTES, maxPiece = MAX_PIECE_BYTES): Generator<string[]> {
  let line = 1;
  for (let from = 0; from < bytes.length; ) {
    const to = recordEnd(bytes, from, chunkBytes);
    // a record no string can hold (a line of half a gigabyte: a broken or hostile file) is said, not a crash
    if (to - from > maxPiece) {
      // the long record is the one running past the piece's planned end
      const start = bytes.lastIndexOf(LF, from + chunkBytes - 1);
      const at = start >= from ? line + countByte(bytes, LF, from, start + 1) : line;
      const size = maxPiece >= 2 ** 20 ? `${Math.round(maxPiece / 2 ** 20)} MB` : `${Math.round(maxPiece / 1024)} KB`;
      throw new MchError('manifest-invalid', `${fileName} line ${at}: a record of more than ${size}, more than any line of a release holds; the file is damaged`, { where: `${fileName}:${at}` });
    }
    const text = bytes.toString('utf8', from, to);
    for (const record of parseCsv(text, fileName, line)) yield record;
    line += countByte(bytes, LF, from, to);
    from = to;
  }
}

/** Where the piece from `from` ends: just after the first line end outside quotes at or past `from + size`, else the end. */
function recordEnd(bytes: Buffer, from: number, size: number): number {
  if (bytes.length - from <= size) return bytes.length;
  let quotes = countByte(bytes, QUOTE, from, from + size);
  for (let at = from + size; at < bytes.length; at++) {
    const c = bytes[at];
    if (c === QUOTE) quotes++;
    else if (c === LF && quotes % 2 === 0) return at + 1;
  }
  return bytes.length;
}

function countByte(bytes: Buffer, byte: number, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte, from); at >= 0 && at < to; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}
