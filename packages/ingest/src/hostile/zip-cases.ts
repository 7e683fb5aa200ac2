// Archives that are not, or no longer, a workbook: truncated, bit-flipped, renamed, and bombs.
import { oneSheet } from '../test-support/ooxml';
import { zipArchive } from '@mch/core';
import { zipOf } from '../test-support/zip';
import { PARTNERS, type Parts, VALUE_CELLS as V, baseSheet, questionnaireParts, zipParts } from './base';
import { SHEET, file, text, withParts } from './make';
import type { HostileFile, Rand } from './types';

export const BASE_XLSX = 'valid-questionnaire.xlsx';

/** `base` is the corpus's valid questionnaire (BASE_XLSX): flipped copies are held to its result. */
export function zipCases(r: Rand, base: Uint8Array, scale: { flips: number; cuts: number; full: boolean }): HostileFile[] {
  const out: HostileFile[] = [];
  const refused = (place?: string) => ({ outcome: 'refused' as const, ...(place ? { place } : {}) });

  out.push(file('not-a-workbook', 'empty', 'xlsx', () => new Uint8Array(), refused()));
  out.push(file('not-a-workbook', 'random bytes', 'xlsx', () => noise(r, 4096), refused()));
  out.push(file('not-a-workbook', 'zip signature then noise', 'xlsx', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(r, 2000)]), refused()));
  out.push(file('not-a-workbook', 'an empty zip', 'xlsx', () => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Uint8Array(18)]), refused()));
  out.push(file('not-a-workbook', 'a zip of a text file', 'xlsx', () => zipOf(['hello.txt', 'hi']), refused()));
  out.push(file('renamed', 'a CSV named xlsx', 'xlsx', () => text('TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\nT04,2012,M,RUS,5\n'), refused()));
  out.push(file('renamed', 'an HTML page named xlsx', 'xlsx', () => text('<!DOCTYPE html><html><body><table><tr><td>T04</td></tr></table></body></html>'), refused()));
  out.push(file('renamed', 'an HTML table named csv', 'csv', () => text('<table><tr><td>TABLE</td><td>OBS_VALUE</td></tr></table>'), refused()));
  out.push(file('renamed', 'an XML spreadsheet 2003 named xls', 'xls', () => text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), refused()));
  out.push(file('renamed', 'an OpenDocument spreadsheet named xlsx', 'xlsx', () => zipOf(['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<office:document-content/>']), refused('OpenDocument')));
  out.push(file('renamed', 'a Word document named xlsx', 'xlsx', () => zipOf(['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']), refused('Word document')));
  out.push(file('renamed', 'a workbook named csv', 'csv', () => base, { outcome: 'read', valueCells: V, rejections: 0 }));

  for (let i = 0; i < scale.cuts; i++) {
    const at = 1 + Math.floor(((i + 0.5) / scale.cuts) * (base.length - 2));
    out.push(file('zip-truncated', `cut at byte ${at}`, 'xlsx', () => base.subarray(0, at), refused()));
  }
  for (let i = 0; i < scale.flips; i++) {
    const bit = r.int(base.length * 8);
    out.push(file('zip-corrupted', `bit ${bit} flipped`, 'xlsx', () => flip(base, bit), { outcome: 'refused-or-same', base: BASE_XLSX }));
  }
  const central = base.length - 22 - 1;
  for (let i = 0; i < Math.ceil(scale.flips / 4); i++) {
    // the central directory and its end record: sizes, offsets, names
    const bit = (central - r.int(600)) * 8 + r.int(8);
    out.push(file('zip-corrupted', `directory bit ${bit} flipped`, 'xlsx', () => flip(base, bit), { outcome: 'refused-or-same', base: BASE_XLSX }));
  }
  const parts = questionnaireParts(baseSheet(r));
  out.push(file('zip-corrupted', 'two entries of one name', 'xlsx', () => zipParts([...parts, [SHEET, '<worksheet/>']]), refused()));
  out.push(file('zip-corrupted', 'an encrypted entry', 'xlsx', () => patchCentral(zipParts(parts), 0, 8, 1), refused()));
  out.push(file('zip-corrupted', 'an unknown compression method', 'xlsx', () => patchCentral(zipParts(parts), 2, 10, 14), refused()));
  out.push(file('zip-corrupted', 'a wrong checksum', 'xlsx', () => patchCentral(zipParts(parts), 4, 16, 0x1234), refused()));
  out.push(file('zip-corrupted', 'a local header offset into nowhere', 'xlsx', () => patchCentral(zipParts(parts), 4, 42, 7), refused()));
  out.push(file('zip-corrupted', 'stored entries', 'xlsx', () => stored(parts), { outcome: 'read', valueCells: V, rejections: 0 }));
  out.push(file('zip-corrupted', 'entry names with a leading slash', 'xlsx', () => zipParts(parts.map(([n, c]) => [`/${n}`, c])), { outcome: 'read', valueCells: V, rejections: 0 }));
  out.push(file('zip-corrupted', 'entry names with backslashes', 'xlsx', () => zipParts(parts.map(([n, c]) => [n.replaceAll('/', '\\'), c])), { outcome: 'read', valueCells: V, rejections: 0 }));
  out.push(file('zip-corrupted', 'entry names in upper case', 'xlsx', () => zipParts(parts.map(([n, c]) => [n.toUpperCase(), c])), { outcome: 'read', valueCells: V, rejections: 0 }));
  out.push(file('zip-corrupted', 'more than 2000 entries', 'xlsx', () => zipParts([...parts, ...Array.from({ length: 2001 }, (_, i): [string, string] => [`junk/${i}.txt`, ''])]), refused()));

  for (const bomb of bombs(r, parts, scale.full)) out.push(bomb);
  return out;
}

/** The CI slice keeps one bomb of each kind; the full corpus adds the variants and a read at the limits. */
function bombs(r: Rand, parts: Parts, full: boolean): HostileFile[] {
  const out: HostileFile[] = [];
  const refused = { outcome: 'refused' as const };
  const cells = (n: number, open = '<c>') => `<worksheet><sheetData><row r="1">${`${open}<v>1</v></c>`.repeat(n)}</row></sheetData></worksheet>`;
  const heavy = { heavy: true };
  out.push(file('zip-bomb', 'an entry lying about its size', 'xlsx', () => zipOf(['xl/workbook.xml', new Uint8Array(20 * 1024 * 1024), 1000]), refused));
  out.push(file('zip-bomb', 'entries declaring 4 GB', 'xlsx', () => zipOf(...parts, ['a.bin', '', 0xffff_fff0]), refused));
  out.push(file('zip-bomb', 'two million cells written c and a line break', 'xlsx', () => oneSheet(cells(2_000_000, '<c\n>')), refused, heavy));
  if (full) {
    out.push(file('zip-bomb', 'two million cells', 'xlsx', () => oneSheet(cells(2_000_000)), refused, heavy));
    out.push(file('zip-bomb', 'two million cells with a namespace prefix', 'xlsx', () => oneSheet(`<x:worksheet xmlns:x="s"><x:sheetData><x:row>${'<x:c><x:v>1</x:v></x:c>'.repeat(2_000_000)}</x:row></x:sheetData></x:worksheet>`), refused, heavy));
    out.push(file('zip-bomb', 'one point three million value cells at the limit', 'xlsx', () => atTheLimit(110_000), { outcome: 'read', valueCells: 1_320_000, rejections: 0 }, heavy));
  }
  out.push(
    file('zip-bomb', 'the cells in a part named bak', 'xlsx', () => zipParts(renamePart(questionnaireParts(baseSheet(r)), SHEET, 'xl/worksheets/sheet1.xml.bak', cells(2_000_000))), refused, heavy),
  );
  out.push(
    file(
      'zip-bomb',
      'an unused part of 100 MB',
      'xlsx',
      () => zipOf(...questionnaireParts(baseSheet(r)), ['xl/worksheets/sheet9.xml.bak', Buffer.alloc((full ? 300 : 100) * 1024 * 1024, '<c><v>1</v></c>')]),
      { outcome: 'read', valueCells: V, rejections: 0, warning: 'no sheet of the workbook uses' },
      heavy,
    ),
  );
  out.push(file('million-rows', 'a million empty formatted rows', 'xlsx', () => oneSheet(`<worksheet><sheetData>${'<row s="1" customFormat="1"/>'.repeat(1_000_000)}</sheetData></worksheet>`), refused, heavy));
  out.push(file('zip-bomb', 'two million shared strings', 'xlsx', () => oneSheet(cells(1), Array.from({ length: 2_000_000 }, () => 'x')), refused, heavy));
  out.push(file('zip-bomb', 'a million nested elements', 'xlsx', () => oneSheet(`<worksheet><sheetData/><extLst>${'<a>'.repeat(1_000_000)}${'</a>'.repeat(1_000_000)}</extLst></worksheet>`), { outcome: 'read', valueCells: 0 }, heavy));
  out.push(file('zip-bomb', 'a 20 MB attribute', 'xlsx', withParts(r, (p) => editXml(p, (x) => x.replace('<sheetData>', `<sheetPr codeName="${'A'.repeat(20 * 1024 * 1024)}"/><sheetData>`))), { outcome: 'refused', place: SHEET }, heavy));
  out.push(file('zip-bomb', 'a 20 MB cell', 'xlsx', withParts(r, (p) => editXml(p, (x) => x.replace('<c r="C7">', `<c r="XX9" t="inlineStr"><is><t>${'A'.repeat(20 * 1024 * 1024)}</t></is></c><c r="C7">`))), { outcome: 'refused', place: SHEET }, heavy));
  out.push(file('zip-bomb', 'a cell of two thousand CDATA sections', 'xlsx', withParts(r, (p) => editXml(p, (x) => x.replace('<c r="C7">', `<c r="XX9" t="inlineStr"><is><t>${`<![CDATA[${'A'.repeat(1000)}]]>`.repeat(2000)}</t></is></c><c r="C7">`))), { outcome: 'refused', place: SHEET }));
  out.push(file('zip-bomb', 'billion laughs', 'xlsx', withParts(r, (p) => editXml(p, (x) => x.replace(/^<\?xml[^>]*>/u, `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>`).replace('<sheetData>', '<sheetData>&lol2;'))), refused));
  return out;
}

/** 110 000 partner rows × 4 years × 3 sexes: 1.32 million value cells, just under the cell limit. */
function atTheLimit(n: number): Uint8Array {
  const col = (i: number) => String.fromCharCode(66 + i);
  const head = `<row r="1"><c r="A1" t="inlineStr"><is><t>Country</t></is></c>${[2011, 2012, 2013, 2014].map((y, i) => `<c r="${col(i * 3)}1"><v>${y}</v></c>`).join('')}</row>`;
  const sexes = `<row r="2">${Array.from({ length: 12 }, (_, i) => `<c r="${col(i)}2" t="inlineStr"><is><t>${['Total', 'Men', 'Women'][i % 3]}</t></is></c>`).join('')}</row>`;
  const rows: string[] = [head, sexes];
  // ten partners repeated with the same figures: every cell an observation, none in conflict
  for (let r = 3; r < n + 3; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${PARTNERS[r % 10]![1]}</t></is></c>${Array.from({ length: 12 }, (_, i) => `<c r="${col(i)}${r}"><v>${(r % 10) * 100 + i}</v></c>`).join('')}</row>`);
  return oneSheet(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
}

function editXml(parts: Parts, edit: (xml: string) => string): Parts {
  return parts.map(([n, c]) => [n, n === SHEET && typeof c === 'string' ? edit(c) : c]);
}

function renamePart(parts: Parts, from: string, to: string, content: string): Parts {
  return parts.map(([n, c]): [string, string | Uint8Array] => {
    if (n === from) return [to, content];
    if (n === 'xl/_rels/workbook.xml.rels' && typeof c === 'string') return [n, c.replace('worksheets/sheet1.xml"', 'worksheets/sheet1.xml.bak"')];
    return [n, c];
  });
}

export function flip(b: Uint8Array, bit: number): Uint8Array {
  const out = b.slice();
  out[bit >> 3] = out[bit >> 3]! ^ (1 << (bit & 7));
  return out;
}

function noise(r: Rand, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => r.int(256));
}

/** Sets a 16- or 32-bit field (at `offset` in the central directory entry number `index`). */
function patchCentral(zip: Uint8Array, index: number, offset: number, value: number): Uint8Array {
  const b = Buffer.from(zip);
  let p = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  p = b.readUInt32LE(p + 16);
  for (let i = 0; i < index; i++) p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  if (offset === 16 || offset === 42) b.writeUInt32LE(value, p + offset);
  else b.writeUInt16LE(value, p + offset);
  return new Uint8Array(b);
}

/** The same parts stored without compression (method 0), as some writers do. */
function stored(parts: Parts): Uint8Array {
  return zipArchive(parts, { store: true });
}

