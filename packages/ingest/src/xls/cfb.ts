// The Compound File Binary format (MS-CFB) that old .xls workbooks and encrypted .xlsx files are
// stored in: just enough to list its streams and read one, every chain bounded so a damaged or
// hostile file ends in a refusal, never a loop.

/** Why the compound file cannot be read. */
export class CfbDamaged extends Error {}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export interface CompoundFile {
  /** stream names, as the directory holds them */
  names: string[];
  /** the stream's bytes, or undefined when there is none of that name (case-insensitive) */
  read(name: string): Uint8Array | undefined;
}

interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export function readCompoundFile(b: Uint8Array): CompoundFile {
  if (b.length < 512) throw new CfbDamaged('the file ends inside its header');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (at: number) => {
    if (at + 4 > b.length) throw new CfbDamaged('a structure points outside the file');
    return view.getUint32(at, true);
  };
  const shift = view.getUint16(0x1e, true);
  const miniShift = view.getUint16(0x20, true);
  if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw new CfbDamaged('its sector sizes are not those of any Office file');
  const sector = 1 << shift;
  const sectors = Math.floor((b.length - 512) / sector) + 1;
  const offset = (s: number) => (s + 1) * sector;
  // the FAT's own sectors: 109 in the header, the rest in a DIFAT chain
  const fatSectors: number[] = [];
  const fatCount = u32(0x2c);
  if (fatCount > sectors) throw new CfbDamaged('it declares more FAT sectors than it holds');
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let hops = 0; fatSectors.length < fatCount; hops++) {
    if (difat >= sectors || hops > sectors) throw new CfbDamaged('its DIFAT chain is broken');
    for (let i = 0; i < sector / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(offset(difat) + i * 4));
    difat = u32(offset(difat) + sector - 4);
  }
  const fat = new Uint32Array(fatCount * (sector / 4));
  fatSectors.forEach((s, i) => {
    if (s >= sectors) throw new CfbDamaged('a FAT sector lies outside the file');
    for (let k = 0; k < sector / 4; k++) fat[i * (sector / 4) + k] = u32(offset(s) + k * 4);
  });
  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]!) {
      if (s === FREE || s >= limit || s >= table.length || out.length > limit) throw new CfbDamaged('a sector chain is broken or loops');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const parts = chain(start, fat, sectors).map((s) => b.subarray(offset(s), offset(s) + sector));
    const data = Buffer.concat(parts);
    if (data.length < size) throw new CfbDamaged('a stream is shorter than its directory entry says');
    return data.subarray(0, size);
  };
  const dirStart = u32(0x30);
  const dirData = readChain(dirStart, chain(dirStart, fat, sectors).length * sector);
  const entries: DirEntry[] = [];
  for (let p = 0; p + 128 <= dirData.length; p += 128) {
    const nameLen = Math.min(64, dirData[p + 64]! | (dirData[p + 65]! << 8));
    const name = Buffer.from(dirData.subarray(p, p + Math.max(0, nameLen - 2))).toString('utf16le');
    const d = new DataView(dirData.buffer, dirData.byteOffset + p, 128);
    entries.push({ name, type: dirData[p + 66]!, start: d.getUint32(116, true), size: d.getUint32(120, true) });
  }
  const root = entries[0];
  if (root?.type !== 5) throw new CfbDamaged('its directory has no root entry');
  const cutoff = u32(0x38);
  let mini: { stream: Uint8Array; fat: Uint32Array } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    const miniFatData = u32(0x40) ? readChain(u32(0x3c), u32(0x40) * sector) : new Uint8Array();
    const table = new Uint32Array(miniFatData.length / 4);
    const md = new DataView(miniFatData.buffer, miniFatData.byteOffset, miniFatData.byteLength);
    for (let i = 0; i < table.length; i++) table[i] = md.getUint32(i * 4, true);
    mini = { stream: readChain(root.start, root.size), fat: table };
    return mini;
  };
  const streams = entries.filter((e) => e.type === 2);
  return {
    names: streams.map((e) => e.name),
    read(name) {
      const e = streams.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!e) return undefined;
      if (e.size >= cutoff) return readChain(e.start, e.size);
      const m = miniStream();
      const parts = chain(e.start, m.fat, m.stream.length >> 6).map((s) => m.stream.subarray(s << 6, (s + 1) << 6));
      const data = Buffer.concat(parts);
      if (data.length < e.size) throw new CfbDamaged('a small stream is shorter than its directory entry says');
      return data.subarray(0, e.size);
    },
  };
}
