import * as zlib from 'node:zlib';

/** Content deflated already (deflatePieces), with the CRC-32 and size of what it inflates to. */
export interface Deflated {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/** One entry of an archive; `declared` overrides the uncompressed size the headers state (hostile fixtures). */
export type ZipEntry = [name: string, content: Uint8Array | string | Deflated, declared?: number];

const isDeflated = (c: ZipEntry[1]): c is Deflated => typeof c === 'object' && 'deflated' in c;

/**
 * Content made a piece at a time, deflated as it comes (zlib, off this thread) with its CRC-32:
 * an entry of a hundred megabytes of XML is never whole in memory, only its deflated bytes.
 */
export async function deflatePieces(pieces: Iterable<Uint8Array>): Promise<Deflated> {
  const deflate = zlib.createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { deflated: Buffer.concat(out), crc, size };
}

/**
 * A zip archive of the given entries, deflated (or stored, method 0), every entry stamped with one
 * fixed DOS date: the demonstration questionnaires, hand-made OOXML fixtures and hostile archives
 * are all written by it, so they are the same bytes on every run.
 */
export function zipArchive(entries: readonly ZipEntry[], options: { store?: boolean; dosDate?: number } = {}): Uint8Array {
  const store = options.store === true;
  const version = store ? 10 : 20;
  const dosDate = options.dosDate ?? 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, body, declaredSize] of entries) {
    if (isDeflated(body) && store) throw new Error(`zipArchive: ${name} is deflated already and cannot be stored`);
    const { deflated, crc, size: contentSize } = isDeflated(body) ? body : packed(typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body), store);
    const data = Buffer.from(deflated);
    const size = declaredSize ?? contentSize;
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(store ? 0 : 20, 4);
    central.writeUInt16LE(version, 6);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** An entry's bytes as the archive holds them, with the CRC-32 and size of its content: deflated by zlib, or the content itself where the archive stores. */
function packed(content: Buffer, store: boolean): Deflated {
  return { deflated: store ? content : zlib.deflateRawSync(content), crc: crc32(content), size: content.length };
}

/** zlib's own CRC-32 (Node.js 20.15 on), else the table below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** The CRC-32 a zip entry records of its uncompressed content. */
export function crc32(b: Uint8Array, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(b, previous);
  return tableCrc32(b, previous);
}

/** The CRC-32 by the table, for a Node.js without zlib.crc32 (and to test one against the other); `previous` continues one. */
export function tableCrc32(b: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
