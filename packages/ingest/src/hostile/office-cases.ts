// Compound (OLE) files: encrypted workbooks, other Office documents, and the KAZ .xls damaged bit by bit.
import { readFileSync } from 'node:fs';
import { compoundFile } from '../test-support/cfb';
import { readCompoundFile } from '../xls/cfb';
import { file } from './make';
import type { Expect, HostileFile, Rand } from './types';
import { flip } from './zip-cases';

export const BASE_XLS = 'xls-mutation-valid-kaz.xls';
/** value cells of the KAZ fixture (xls/xls.test.ts reads the same 55 observations and 1 rejection) */
const KAZ_CELLS = 56;

function kaz(): Uint8Array {
  return new Uint8Array(readFileSync(new URL('../xlsx/fixtures/lo-deviations-kaz.xls', import.meta.url)));
}

export function officeCases(r: Rand, scale: { flips: number; full: boolean }): HostileFile[] {
  const out: HostileFile[] = [];
  const refused = (place?: string): Expect => ({ outcome: 'refused', ...(place ? { place } : {}) });
  const streams = (...names: string[]) => compoundFile(names.map((n) => [n, Uint8Array.from({ length: 600 }, () => r.int(256))]));
  out.push(file('encrypted', 'an encrypted xlsx', 'xlsx', () => streams('EncryptionInfo', 'EncryptedPackage'), refused()));
  out.push(file('encrypted', 'an encrypted xlsx named xls', 'xls', () => streams('EncryptionInfo', 'EncryptedPackage'), refused()));
  out.push(file('encrypted', 'an xls with a password', 'xls', () => withWorkbook((w) => setType(w, 20, 0x002f)), refused()));
  out.push(file('ole', 'a Word document named xls', 'xls', () => streams('WordDocument', '1Table'), refused()));
  out.push(file('ole', 'an Outlook message named xls', 'xls', () => streams('__substg1.0_0037001F', '__properties_version1.0'), refused()));
  out.push(file('ole', 'a compound file header only', 'xls', () => kaz().subarray(0, 512), refused()));
  out.push(file('ole', 'a workbook stream of noise', 'xls', () => streams('Workbook'), refused()));
  out.push(file('ole', 'a sector chain that loops', 'xls', () => loopedChain(kaz()), refused()));

  const base = kaz();
  const kazRead: Expect = { outcome: 'read', valueCells: KAZ_CELLS, rejections: 1 };
  out.push(file('xls-mutation', 'valid KAZ', 'xls', () => base, kazRead, { soffice: true }));
  if (scale.full) out.push(file('xls-mutation', 'rebuilt KAZ', 'xls', () => withWorkbook((w) => w), kazRead, { soffice: true }));
  for (const at of [0.3, 0.6, 0.9]) out.push(file('xls-mutation', `cut at ${at * 100} percent`, 'xls', () => base.subarray(0, Math.floor(base.length * at)), refused()));
  // one bit in the records that delimit a sheet: LibreOffice drops the sheet after a broken BOF
  // (all 56 value cells, exit 0, before the census); the census refuses the file
  const [, sheet1, sheet2] = records(base, [0x09, 0x08, 0x10, 0x00]);
  const [, end1] = records(base, [0x0a, 0x00, 0x00, 0x00]);
  out.push(file('xls-mutation', 'sheet 2 data without its BOF', 'xls', () => flip(base, sheet2! * 8 + 1), refused()));
  // damage LibreOffice reads through: the census follows it, the comparison after conversion finds every cell
  const readThrough: [string, () => Uint8Array][] = [['an EOF record lost', () => flip(base, end1! * 8 + 2)], ['sheet 1 of an unknown kind', () => flip(base, (sheet1! + 6) * 8 + 7)]];
  for (const [i, at] of boundSheets(base).entries()) {
    readThrough.push([`sheet ${i + 1} listed as a chart`, () => flip(base, (at + 4 + 5) * 8 + 1)], [`sheet ${i + 1} offset moved`, () => flip(base, (at + 4) * 8 + 3)], [`sheet ${i + 1} listed as a VB module`, () => setByte(base, at + 4 + 5, 6)]);
    readThrough.push([`sheet ${i + 1} hidden`, () => flip(base, (at + 4 + 4) * 8)]);
  }
  // LibreOffice takes seconds a file: the CI slice keeps one of these
  for (const [what, bytes] of scale.full ? readThrough : readThrough.filter(([w]) => w === 'sheet 2 hidden')) out.push(file('xls-mutation', what, 'xls', bytes, kazRead, { soffice: true }));
  const count: Expect = { outcome: 'refused-or-count', base: BASE_XLS };
  for (let i = 0; i < scale.flips; i++) {
    const bit = r.int(base.length * 8);
    out.push(file('xls-mutation', `bit ${bit} flipped`, 'xls', () => flip(base, bit), count, { soffice: true }));
  }
  return out.map((f) => ({ ...f, country: 'KAZ' }));
}

/** The KAZ workbook with its Workbook stream edited, in a compound file of our own writing. */
function withWorkbook(edit: (w: Uint8Array) => Uint8Array): Uint8Array {
  const cfb = readCompoundFile(kaz());
  return compoundFile(cfb.names.map((n) => [n, n === 'Workbook' ? edit(cfb.read(n)!.slice()) : cfb.read(n)!]));
}

function setType(w: Uint8Array, at: number, type: number): Uint8Array {
  w[at] = type & 0xff;
  w[at + 1] = type >> 8;
  return w;
}

/** File offsets where the bytes occur (records of the Workbook stream, which starts in the file's first sectors). */
function records(b: Uint8Array, bytes: number[]): number[] {
  const out: number[] = [];
  for (let i = Buffer.from(b).indexOf(Buffer.from(bytes), 512); i >= 0; i = Buffer.from(b).indexOf(Buffer.from(bytes), i + 1)) out.push(i);
  return out;
}

function setByte(b: Uint8Array, at: number, value: number): Uint8Array {
  const out = b.slice();
  out[at] = value;
  return out;
}

/** File offsets of the BOUNDSHEET records (the Workbook stream starts in the file's first sectors). */
function boundSheets(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 512; i + 12 < b.length && out.length < 4; i++) if (b[i] === 0x85 && b[i + 1] === 0 && b[i + 3] === 0 && b[i + 2]! >= 8 && b[i + 2]! < 80 && b[i + 9] === 0) out.push(i);
  return out;
}

/** Points the first FAT entry of the directory chain at itself. */
function loopedChain(b: Uint8Array): Uint8Array {
  const out = Buffer.from(b);
  const dir = out.readUInt32LE(0x30);
  const fat = out.readUInt32LE(0x4c);
  out.writeUInt32LE(dir, (fat + 1) * 512 + dir * 4);
  return new Uint8Array(out);
}
