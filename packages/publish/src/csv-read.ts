import { MchError } from '@mch/core';

/**
 * Strict RFC 4180 reader for the CSV files this package writes (LF or CRLF line ends, quoted
 * fields with doubled quotes). Anything malformed is refused with its line, never guessed.
 */
export function parseCsv(text: string, fileName: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let line = 1;
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
