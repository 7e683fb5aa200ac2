// A minimal Compound File writer (MS-CFB version 3) for hostile and rebuilt Office files: every
// stream padded to the mini-stream cutoff so no mini stream is needed; one flat directory.

const SECTOR = 512;
const CUTOFF = 4096;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

export function compoundFile(streams: [name: string, data: Uint8Array][]): Uint8Array {
  const padded = streams.map(([name, d]) => [name, d.length >= CUTOFF ? d : Buffer.concat([d, new Uint8Array(CUTOFF - d.length)])] as const);
  let next = 0;
  const starts = padded.map(([, d]) => {
    const start = next;
    next += Math.ceil(d.length / SECTOR);
    return start;
  });
  const dirStart = next;
  const dirSectors = Math.ceil(((padded.length + 1) * 128) / SECTOR);
  next += dirSectors;
  let fatSectors = 1;
  while (next + fatSectors > fatSectors * (SECTOR / 4)) fatSectors++;
  const fatStart = next;
  const total = next + fatSectors;
  const fat = new Uint32Array(fatSectors * (SECTOR / 4)).fill(FREE);
  const link = (start: number, count: number) => {
    for (let i = 0; i < count; i++) fat[start + i] = i === count - 1 ? END : start + i + 1;
  };
  for (const [i, [, d]] of padded.entries()) link(starts[i]!, Math.ceil(d.length / SECTOR));
  link(dirStart, dirSectors);
  for (let i = 0; i < fatSectors; i++) fat[fatStart + i] = FAT_SECTOR;

  const out = Buffer.alloc(SECTOR * (total + 1));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(fatSectors, 0x2c);
  out.writeUInt32LE(dirStart, 0x30);
  out.writeUInt32LE(CUTOFF, 0x38);
  out.writeUInt32LE(END, 0x3c);
  out.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i < fatSectors ? fatStart + i : FREE, 0x4c + i * 4);
  for (const [i, [, d]] of padded.entries()) Buffer.from(d).copy(out, (starts[i]! + 1) * SECTOR);
  // siblings as a right-leaning chain in directory order (name length, then upper-case name)
  const order = padded.map((_, i) => i).sort((a, b) => compareNames(padded[a]![0], padded[b]![0]));
  const dir = Buffer.alloc(dirSectors * SECTOR);
  const entry = (slot: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const p = slot * 128;
    Buffer.from(`${name}\u0000`, 'utf16le').copy(dir, p);
    dir.writeUInt16LE((name.length + 1) * 2, p + 64);
    dir[p + 66] = type;
    dir[p + 67] = 1;
    dir.writeUInt32LE(FREE, p + 68);
    dir.writeUInt32LE(right, p + 72);
    dir.writeUInt32LE(child, p + 76);
    dir.writeUInt32LE(start, p + 116);
    dir.writeUInt32LE(size, p + 120);
  };
  entry(0, 'Root Entry', 5, END, 0, order.length ? order[0]! + 1 : FREE, FREE);
  for (const [k, i] of order.entries()) entry(i + 1, padded[i]![0], 2, starts[i]!, padded[i]![1].length, FREE, k + 1 < order.length ? order[k + 1]! + 1 : FREE);
  for (let s = padded.length + 1; s < (dirSectors * SECTOR) / 128; s++) {
    dir.writeUInt32LE(FREE, s * 128 + 68);
    dir.writeUInt32LE(FREE, s * 128 + 72);
    dir.writeUInt32LE(FREE, s * 128 + 76);
  }
  dir.copy(out, (dirStart + 1) * SECTOR);
  Buffer.from(fat.buffer).copy(out, (fatStart + 1) * SECTOR);
  return new Uint8Array(out);
}

function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
