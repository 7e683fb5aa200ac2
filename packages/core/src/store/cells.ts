import type { Dictionary, GrowingColumn } from './columns';

/** Column number 0 marks a CSV line; this one a cell text kept by dictionary. */
const BY_DICTIONARY = 0xffff;
/** Row numbers of up to nine digits, so every one fits 32 bits and reads back as written. */
const MAX_DIGITS = 9;

/**
 * A cell reference as two numbers: "C6" is row 6, column 3; a CSV line "12" is row 12, column 0.
 * Anything else (never written by ingest, but a Source may hold it) is kept as text by number.
 * Parsed by hand: it runs for every row.
 */
export function encodeCell(cell: string, texts: Dictionary<string>, rows: GrowingColumn<Uint32Array>, cols: GrowingColumn<Uint16Array>): void {
  let i = 0;
  let col = 0;
  // up to three letters A–Z: at most ZZZ = 18 278, below BY_DICTIONARY
  for (; i < cell.length && i < 4; i++) {
    const ch = cell.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  const digits = cell.length - i;
  let row = 0;
  let ok = i <= 3 && digits >= 1 && digits <= MAX_DIGITS;
  // no leading zero, except the line "0" itself
  if (ok && cell.charCodeAt(i) === 48 && (digits > 1 || col > 0)) ok = false;
  for (let k = i; ok && k < cell.length; k++) {
    const d = cell.charCodeAt(k) - 48;
    if (d < 0 || d > 9) ok = false;
    else row = row * 10 + d;
  }
  if (ok) {
    rows.push(row);
    cols.push(col);
  } else {
    rows.push(texts.code(cell));
    cols.push(BY_DICTIONARY);
  }
}

export function decodeCell(row: number, col: number, texts: Dictionary<string>): string {
  if (col === 0) return String(row);
  if (col === BY_DICTIONARY) return texts.value(row);
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters + row;
}
