// Long CSV files broken the ways exported files break: delimiters, quotes, line ends, NUL bytes,
// encodings, huge fields, injection in every column, and sizes that used to crash.
import iconv from 'iconv-lite';
import { CSV_HEADER, csv, csvLines } from './base';
import { file } from './make';
import { PAYLOADS } from './sheet-cases';
import type { Expect, HostileFile, Rand } from './types';

const N = 40;
/**
 * Rejections one hostile field costs, by column: a NOTE is kept as text, so its line is read;
 * REF_AREA and AGE are left open (what ingest refuses there is another change's to decide), every
 * other column refuses its line (a status that is no SDMX code too: it is never guessed).
 */
const INJECTED: Record<string, number | undefined> = { NOTE: 0, REF_AREA: undefined, AGE: undefined };

export function csvCases(r: Rand, scale: { quotes: number; big: number[] }): HostileFile[] {
  const out: HostileFile[] = [];
  const read = (valueCells: number, rejections?: number, warning?: string): Expect => ({ outcome: 'read', valueCells, ...(rejections !== undefined ? { rejections } : {}), ...(warning ? { warning } : {}) });
  const refused = (place?: string): Expect => ({ outcome: 'refused', ...(place ? { place } : {}) });
  const lines = csvLines(r, N);
  const body = (edit: (l: string[]) => string[] = (l) => l, end = '\n') => csv([CSV_HEADER, ...edit([...lines])], end);
  const at = (l: string[], i: number, line: string) => l.map((x, k) => (k === i ? line : x));

  out.push(file('valid', 'long CSV', 'csv', () => body(), read(N, 0)));
  out.push(file('valid', 'long CSV with CRLF', 'csv', () => body(undefined, '\r\n'), read(N, 0)));
  out.push(file('valid', 'long CSV with semicolons', 'csv', () => csv([CSV_HEADER, ...lines].map((l) => l.replaceAll(',', ';'))), read(N, 0)));
  out.push(file('valid', 'long CSV with tabs', 'txt', () => csv([CSV_HEADER, ...lines].map((l) => l.replaceAll(',', '\t'))), read(N, 0)));
  out.push(file('valid', 'long CSV with a BOM', 'csv', () => new Uint8Array([0xef, 0xbb, 0xbf, ...body()]), read(N, 0)));
  out.push(file('valid', 'UTF-16 with a BOM', 'txt', () => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(Buffer.from(body()).toString('utf8'), 'utf16le')])), read(N, 0)));
  out.push(file('valid', 'UTF-16 big-endian with a BOM', 'txt', () => new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(Buffer.from(body()).toString('utf8'), 'utf16le').swap16()])), read(N, 0)));
  out.push(file('valid', 'Windows-1251 labels', 'csv', () => new Uint8Array(iconv.encode(`${[CSV_HEADER, ...lines.map((l) => l.replace(/RUS|KAZ|GEO|DEU|FRA|UKR|BLR|UZB|USA|CHN/u, 'Россия'))].join('\n')}\n`, 'win1251')), read(N)));
  out.push(file('valid', 'a quoted note over three lines', 'csv', () => body((l) => at(l, 5, `${l[5]}"note,\nover\nlines"`)), read(N, 0)));
  out.push(file('valid', 'quoted fields with delimiters and quotes', 'csv', () => body((l) => at(l, 3, `${l[3]}"a ""note"", with, commas"`)), read(N, 0)));

  // delimiters
  out.push(file('csv-delimiters', 'one line with semicolons', 'csv', () => body((l) => at(l, 7, l[7]!.replaceAll(',', ';'))), read(N, 1)));
  out.push(file('csv-delimiters', 'every third line with tabs', 'csv', () => body((l) => l.map((x, i) => (i % 3 ? x : x.replaceAll(',', '\t')))), read(N, Math.ceil(N / 3))));
  out.push(file('csv-delimiters', 'a header with semicolons over comma lines', 'csv', () => csv([CSV_HEADER.replaceAll(',', ';'), ...lines]), read(N, N)));
  out.push(file('csv-delimiters', 'an extra field', 'csv', () => body((l) => at(l, 2, `${l[2]},extra`)), read(N, 1)));
  out.push(file('csv-delimiters', 'a missing field', 'csv', () => body((l) => at(l, 2, l[2]!.slice(0, l[2]!.lastIndexOf(',')))), read(N, 1)));

  // quotes: a stray quote costs its own line, never the lines after it
  for (let i = 0; i < scale.quotes; i++) {
    const from = 1 + r.int(N - 2);
    const to = from + 1 + r.int(N - from - 1);
    out.push(file('csv-quotes', `a quote on line ${from + 2} closing on line ${to + 2}`, 'csv', () => body((l) => at(at(l, from, l[from]!.replace(',LT,', ',"LT,')), to, l[to]!.replace(',LT,', ',LT",'))), read(N)));
    out.push(file('csv-quotes', `an unclosed quote on line ${from + 2}`, 'csv', () => body((l) => at(l, from, l[from]!.replace(',LT,', ',"LT,'))), read(N, 1, 'never closed')));
  }
  out.push(file('csv-quotes', 'one quote on line 102 of 600', 'csv', () => csv([CSV_HEADER, ...csvLines(r, 600).map((l, i) => (i === 100 ? l.replace(',LT,', ',"LT,') : i === 597 ? l.replace(',LT,', ',LT",') : l))]), read(600)));
  out.push(file('csv-quotes', 'a quote inside a field', 'csv', () => body((l) => at(l, 4, l[4]!.replace(/,([A-Z]{3}),/u, ',$1"x,'))), read(N, 1)));
  out.push(file('csv-quotes', 'text after a closing quote', 'csv', () => body((l) => at(l, 4, l[4]!.replace(/,([A-Z]{3}),/u, ',"$1"x,'))), read(N, 1)));
  out.push(file('csv-quotes', 'quotes only', 'csv', () => body((l) => at(l, 4, '""""""')), read(N, 1)));

  // line ends
  out.push(file('csv-line-ends', 'CRLF and LF mixed', 'csv', () => csv([CSV_HEADER, ...lines.map((l, i) => (i % 2 ? `${l}\r` : l))]), read(N, 0)));
  out.push(file('csv-line-ends', 'CR only', 'csv', () => body(undefined, '\r'), read(N, 0)));
  out.push(file('csv-line-ends', 'a lone CR inside a line', 'csv', () => body((l) => at(l, 6, l[6]!.replace(',LT,', ',LT\r,'))), read(N + 1, 2)));
  out.push(file('csv-line-ends', 'blank lines between', 'csv', () => body((l) => l.flatMap((x, i) => (i % 5 ? [x] : [x, '', '   ']))), read(N, 0)));
  out.push(file('csv-line-ends', 'no line end at the end', 'csv', () => new TextEncoder().encode([CSV_HEADER, ...lines].join('\n')), read(N, 0)));

  // NUL bytes and encodings
  out.push(file('csv-nul', 'a NUL byte in a line', 'csv', () => body((l) => at(l, 3, l[3]!.replace('LT', 'L\u0000T'))), read(N, 1)));
  out.push(file('csv-nul', 'NUL bytes everywhere', 'csv', () => body((l) => l.map((x) => x.replace('ARM', 'A\u0000RM'))), read(N, N)));
  out.push(file('csv-nul', 'UTF-16 without a BOM', 'txt', () => new Uint8Array(Buffer.from(Buffer.from(body()).toString('utf8'), 'utf16le')), read(N, 0)));
  out.push(file('csv-encoding', 'bytes of no encoding', 'csv', () => new Uint8Array([...body(), 0x80, 0x81, 0x82, 0x83, 0x0a]), refused()));
  // read as Windows-1251 (its high bytes look Cyrillic): loud, every such label refused, not silent
  out.push(file('csv-encoding', 'UTF-8 cut inside a character', 'csv', () => new Uint8Array([...body((l) => at(l, 1, l[1]!.replace('LT', 'LTé')))].slice(0, -1).concat([0xd0])), read(N)));
  out.push(file('csv-encoding', 'a header of no known columns', 'csv', () => csv(['Dear colleagues,', 'please find attached']), refused()));
  out.push(file('csv-encoding', 'a header lacking OBS_VALUE', 'csv', () => csv([CSV_HEADER.replace('OBS_VALUE', 'VALUE'), ...lines]), refused('line 1')));
  out.push(file('csv-encoding', 'the header only', 'csv', () => csv([CSV_HEADER]), read(0, 0)));

  // huge fields
  out.push(file('csv-huge-field', 'a partner of 100 000 characters', 'csv', () => body((l) => at(l, 2, l[2]!.replace(/,[A-Z]{3},/u, `,${'x'.repeat(100_000)},`))), read(N, 1)));
  out.push(file('csv-huge-field', 'a note of 900 000 characters', 'csv', () => body((l) => at(l, 2, `${l[2]}${'n'.repeat(900_000)}`)), read(N, 0)));
  out.push(file('csv-huge-field', 'a line of 1 100 000 characters', 'csv', () => body((l) => at(l, 9, `${l[9]}${'n'.repeat(1_100_000)}`)), refused('line 11')));
  out.push(file('csv-huge-field', 'a quoted field over 2000 lines', 'csv', () => body((l) => at(l, 9, `${l[9]}"${'note\n'.repeat(2000)}"`)), read(N, 0)));

  // formula, markup and bidi text in every column
  const columns = CSV_HEADER.split(',');
  for (const [c, name] of columns.entries()) {
    const rejections = name in INJECTED ? INJECTED[name] : 1;
    for (const p of PAYLOADS.slice(0, 4)) {
      const cell = `"${p.replaceAll('"', '""')}"`;
      out.push(file('injection', `csv ${name} ${p}`, 'csv', () => body((l) => at(l, 5, l[5]!.split(',').map((f, i) => (i === c ? cell : f)).join(','))), read(N, rejections)));
    }
  }
  // the same text written by a tool that does not escape quotes: each line still one value cell
  for (const [c, name] of [[6, 'PARTNER'], [7, 'OBS_VALUE']] as const) {
    for (const p of ['"=HYPERLINK("http://evil.example","Georgia")"', '<a href="http://evil.example">Georgia</a>', '"<script>alert("x")</script>', '=1+2"']) {
      out.push(file('injection', `csv ${name} unescaped ${p}`, 'csv', () => body((l) => at(l, 5, l[5]!.split(',').map((f, i) => (i === c ? p : f)).join(','))), read(N)));
    }
  }
  for (const n of scale.big) out.push(file('csv-size', `${n} rows`, 'csv', () => csv([CSV_HEADER, ...csvLines(r, n, ',', true)]), read(n, 0), { heavy: n > 50_000 }));
  return out;
}
