import { CodeColumn, Dictionary, GrowingColumn } from './columns';

/** How a row's raw text is kept: it is the value's rendering; one text by number; fields by number. */
export const RAW_CANONICAL = 0;
export const RAW_TEXT = 1;
export const RAW_FIELDS = 2;

/** The delimiters of a CSV row's raw text (the row as read, fields joined again). */
const SEPARATORS = ['\t', ';', ','] as const;
/** A field token meaning "the value's own rendering"; others are text numbers + 1. */
const VALUE_FIELD = 0;

/**
 * The raw text of every row, without a string per row: most cells read "3024072", which the value
 * says already; a CSV row's text is its fields, each of which (labels, codes, years) repeats down
 * the file, so the fields are numbered and the row keeps their numbers.
 */
export class RawText {
  readonly texts = new Dictionary<string>();
  /** per row: a text number (RAW_TEXT) or where its fields start in `fields` (RAW_FIELDS) */
  readonly ref = new GrowingColumn(Uint32Array);
  /** per RAW_FIELDS row: separator index, field count, then the field tokens (one byte each while under 256 texts) */
  readonly fields = new CodeColumn();

  /** A row without a source. */
  none(): number {
    this.ref.push(0);
    return RAW_CANONICAL;
  }

  /** the fields of the row before and their tokens: down a file most fields repeat */
  private lastParts: string[] = [];
  private lastTokens: number[] = [];

  /** Records one row's raw text; returns how it is kept. */
  push(raw: string, canonical: string): number {
    if (raw === canonical) return this.none();
    const sep = raw.includes('\t') ? 0 : raw.includes(';') ? 1 : 2;
    const sepChar = SEPARATORS[sep];
    let count = 1;
    for (let at = raw.indexOf(sepChar); at !== -1; at = raw.indexOf(sepChar, at + 1)) count++;
    if (count < 3) {
      this.ref.push(this.texts.code(raw));
      return RAW_TEXT;
    }
    this.ref.push(this.fields.length);
    this.fields.push(sep);
    this.fields.push(count);
    let start = 0;
    for (let k = 0; k < count; k++) {
      const end = k === count - 1 ? raw.length : raw.indexOf(sepChar, start);
      const before = this.lastParts[k];
      const token = this.lastTokens[k];
      // the row before's field again (compared in place, no substring), unless its token meant that row's value
      let t: number;
      if (before !== undefined && token !== undefined && token !== VALUE_FIELD && end - start === before.length && raw.startsWith(before, start)) t = token;
      else {
        const p = raw.slice(start, end);
        t = p === canonical ? VALUE_FIELD : this.texts.code(p) + 1;
        this.lastParts[k] = p;
        this.lastTokens[k] = t;
      }
      this.fields.push(t);
      start = end + 1;
    }
    return RAW_FIELDS;
  }

  at(i: number, kind: number, canonical: string): string {
    if (kind === RAW_CANONICAL) return canonical;
    const ref = this.ref.at(i);
    if (kind === RAW_TEXT) return this.texts.value(ref);
    const sep = SEPARATORS[this.fields.at(ref)]!;
    const n = this.fields.at(ref + 1);
    const parts: string[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const t = this.fields.at(ref + 2 + k);
      parts[k] = t === VALUE_FIELD ? canonical : this.texts.value(t - 1);
    }
    // join gives one flat string; += would leave a rope of 2n pieces, several times the memory
    return parts.join(sep);
  }

  trim(): void {
    this.ref.trim();
    this.fields.trim();
  }

  columnBytes(): number {
    return this.ref.bytes() + this.fields.bytes();
  }

  dictionaryBytes(text: (s: string) => number): number {
    return this.texts.values.reduce((a, s) => a + text(s), 0);
  }
}
