// A census of an old .xls workbook's BIFF records, taken before LibreOffice converts it: which
// sheets it holds and how many non-blank cells each, so a sheet or cells that the conversion
// silently drops (a damaged file) are caught by comparing the two. No values are read here.

import { CfbDamaged } from './cfb';

export interface SheetCensus {
  name: string;
  kind: 'worksheet' | 'chart' | 'macro' | 'module';
  /** non-blank cells: numbers, text that is not only blanks, formulas with a result, booleans, errors */
  cells: number;
}

export interface XlsCensus {
  sheets: SheetCensus[];
  /** a FILEPASS record: the workbook is password-protected */
  encrypted: boolean;
}

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const KINDS: Record<number, SheetCensus['kind']> = { 0: 'worksheet', 1: 'macro', 2: 'chart', 6: 'module' };
// the BOF record's substream type for each kind of sheet (a dialog sheet is a worksheet here too)
const BOF_TYPES: Record<string, number> = { worksheet: 0x0010, chart: 0x0020, macro: 0x0040 };

/** Reads the census of a Workbook (BIFF8) or Book (BIFF5) stream; throws CfbDamaged naming what is broken. */
export function takeCensus(stream: Uint8Array): XlsCensus {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const record = (at: number) => {
    if (at + 4 > stream.length) throw new CfbDamaged('a record lies outside the workbook stream');
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > stream.length) throw new CfbDamaged('a record runs past the end of the workbook stream');
    return { type: view.getUint16(at, true), size, data: stream.subarray(at + 4, at + 4 + size) };
  };
  const first = record(0);
  if (first.type !== BOF || first.size < 4) throw new CfbDamaged('the workbook stream does not start with a BOF record (an Excel 4 file or older?)');
  const biff8 = view.getUint16(4, true) === 0x0600;
  const bound: { name: string; kind: SheetCensus['kind'] }[] = [];
  const sst: boolean[] = [];
  const sstParts: Uint8Array[] = [];
  let inSst = false;
  let globalsEnd = 0;
  for (let p = 0; ; ) {
    const r = record(p);
    // a sheet's BOF: the globals' EOF was lost, the sheets start here
    if (r.type === BOF && p > 0) {
      globalsEnd = p;
      break;
    }
    // FILEPASS: every record after it is ciphertext but for its header (a sheet entry's type too), so nothing more is read
    if (r.type === FILEPASS) return { sheets: [], encrypted: true };
    if (r.type === 0x0085) bound.push(boundSheet(r.data, biff8));
    if (r.type === 0x00fc) {
      inSst = true;
      sstParts.push(r.data);
    } else if (r.type === 0x003c && inSst) sstParts.push(r.data);
    else inSst = false;
    p += 4 + r.size;
    if (r.type === EOF) {
      globalsEnd = p;
      break;
    }
  }
  if (sstParts.length) for (const blank of sharedStrings(sstParts)) sst.push(blank);
  // strings the SST does not hold (a writer's wrong count, damage) count as text: the comparison after conversion judges
  // the sheets' substreams follow the globals one after another, as LibreOffice reads them (not by their offsets)
  const subs: { kind: SheetCensus['kind']; cells: number }[] = [];
  for (let p = globalsEnd; p < stream.length && !allZero(stream, p); ) {
    const bof = record(p);
    if (bof.type !== BOF) throw new CfbDamaged(`the data of sheet ${subs.length + 1} does not start with a sheet's BOF record`);
    // a type no sheet has is counted like a worksheet: the comparison after conversion judges what LibreOffice made of it
    const dt = bof.size >= 4 ? view.getUint16(p + 6, true) : -1;
    const kind = (Object.entries(BOF_TYPES).find(([, t]) => t === dt)?.[0] as SheetCensus['kind'] | undefined) ?? 'worksheet';
    const counted = countCells(record, p, sst, biff8);
    subs.push({ kind, cells: counted.cells });
    p = counted.end;
  }
  // a sheet entry whose type was damaged into a module still names its data, if the counts say so
  const withData = bound.filter((b) => b.kind !== 'module');
  const listed = withData.length === subs.length ? withData : bound;
  if (listed.length !== subs.length) throw new CfbDamaged(`the workbook lists ${withData.length} sheets but holds the data of ${subs.length}`);
  const sheets = listed.map((b, i): SheetCensus => ({ name: b.name, kind: subs[i]!.kind, cells: subs[i]!.cells }));
  return { sheets, encrypted: false };
}

function allZero(b: Uint8Array, from: number): boolean {
  for (let i = from; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

function boundSheet(d: Uint8Array, biff8: boolean): { name: string; kind: SheetCensus['kind'] } {
  if (d.length < 8) throw new CfbDamaged('a sheet entry (BOUNDSHEET) is cut short');
  const kind = KINDS[d[5]!];
  if (!kind) throw new CfbDamaged(`a sheet entry has an unknown sheet type (${d[5]})`);
  const cch = d[6]!;
  const name = biff8 && d[7]! & 1 ? Buffer.from(d.subarray(8, 8 + cch * 2)).toString('utf16le') : Buffer.from(d.subarray(biff8 ? 8 : 7, (biff8 ? 8 : 7) + cch)).toString('latin1');
  return { name, kind };
}

type RecordAt = (at: number) => { type: number; size: number; data: Uint8Array };

/** Non-blank cells of the substream starting at `at` (its BOF), nested chart substreams skipped; and where it ends. */
function countCells(record: RecordAt, at: number, sst: boolean[], biff8: boolean): { cells: number; end: number } {
  let cells = 0;
  let depth = 0;
  let formulaString = false;
  for (let p = at; ; ) {
    const r = record(p);
    p += 4 + r.size;
    // a worksheet's BOF inside a sheet: the EOF before it was lost, the next sheet starts here
    if (r.type === BOF && depth >= 1 && r.size >= 4 && (r.data[2]! | (r.data[3]! << 8)) !== 0x0020) return { cells, end: p - 4 - r.size };
    if (r.type === BOF) depth++;
    else if (r.type === EOF && --depth === 0) return { cells, end: p };
    if (depth !== 1) continue;
    const d = r.data;
    if (formulaString && r.type === 0x0207) cells += blankText(d, 0, biff8) ? 0 : 1;
    formulaString = false;
    switch (r.type) {
      case 0x0203: // NUMBER
      case 0x027e: // RK
      case 0x0205: // BOOLERR
        cells++;
        break;
      case 0x00bd: // MULRK: one cell per (xf, rk) pair
        if (r.size < 6 || (r.size - 6) % 6) throw new CfbDamaged('a MULRK record has a broken length');
        cells += (r.size - 6) / 6;
        break;
      case 0x00fd: {
        // LABELSST
        if (r.size < 10) throw new CfbDamaged('a LABELSST record is cut short');
        const i = new DataView(d.buffer, d.byteOffset, d.byteLength).getUint32(6, true);
        cells += sst[i] ? 0 : 1;
        break;
      }
      case 0x0204: // LABEL
      case 0x00d6: // RSTRING
        cells += blankText(d, 6, biff8) ? 0 : 1;
        break;
      case 0x0006: {
        // FORMULA: a string result follows in a STRING record; an empty-string result is blank
        if (r.size < 14) throw new CfbDamaged('a FORMULA record is cut short');
        const special = d[12] === 0xff && d[13] === 0xff;
        if (special && d[6] === 0) formulaString = true;
        else if (!(special && d[6] === 3)) cells++;
        break;
      }
    }
  }
}

/** Whether the (XL)Unicode string at `at` holds nothing but blanks. */
function blankText(d: Uint8Array, at: number, biff8: boolean): boolean {
  if (at + 2 > d.length) return true;
  const cch = d[at]! | (d[at + 1]! << 8);
  const high = biff8 && d[at + 2]! & 1;
  const start = at + (biff8 ? 3 : 2);
  const text = high ? Buffer.from(d.subarray(start, start + cch * 2)).toString('utf16le') : Buffer.from(d.subarray(start, start + cch)).toString('latin1');
  return text.trim() === '';
}

/**
 * For each string of the SST (and its CONTINUE records), whether it is only blanks. A string's
 * characters may continue in the next record, which then starts with a fresh flags byte. Reading
 * stops where the records end or break: the strings after are unknown, not an error.
 */
function sharedStrings(parts: Uint8Array[]): boolean[] {
  const out: boolean[] = [];
  try {
    readStrings(parts, out);
  } catch (e) {
    if (!(e instanceof CfbDamaged)) throw e;
  }
  return out;
}

function readStrings(parts: Uint8Array[], out: boolean[]): void {
  let seg = 0;
  let pos = 8;
  const need = () => {
    while (seg < parts.length && pos >= parts[seg]!.length) {
      seg++;
      pos = 0;
    }
    if (seg >= parts.length) throw new CfbDamaged('the shared strings end early');
  };
  const byte = () => {
    need();
    return parts[seg]![pos++]!;
  };
  const u16 = () => byte() | (byte() << 8);
  const u32 = () => (u16() | (u16() << 16)) >>> 0;
  const skip = (n: number) => {
    for (let left = n; left > 0; ) {
      need();
      const take = Math.min(left, parts[seg]!.length - pos);
      pos += take;
      left -= take;
    }
  };
  const first = parts[0]!;
  if (first.length < 8) throw new CfbDamaged('the shared strings record is cut short');
  const unique = new DataView(first.buffer, first.byteOffset, first.byteLength).getUint32(4, true);
  for (let i = 0; i < unique; i++) {
    let cch = u16();
    const flags = byte();
    let high = flags & 1;
    const runs = flags & 8 ? u16() : 0;
    const ext = flags & 4 ? u32() : 0;
    let blank = true;
    while (cch > 0) {
      if (seg < parts.length && pos >= parts[seg]!.length) {
        seg++;
        pos = 0;
        high = byte() & 1;
        continue;
      }
      need();
      const chars = Math.min(cch, Math.floor((parts[seg]!.length - pos) / (high ? 2 : 1)));
      if (chars === 0) throw new CfbDamaged('a shared string is split inside a character');
      const bytes = parts[seg]!.subarray(pos, pos + chars * (high ? 2 : 1));
      if (blank) blank = Buffer.from(bytes).toString(high ? 'utf16le' : 'latin1').trim() === '';
      pos += bytes.length;
      cch -= chars;
    }
    skip(runs * 4 + ext);
    out.push(blank);
  }
}
