import { inflateRawSync } from 'node:zlib';

/** Limits checked before a workbook reaches exceljs (scale-and-safety.md "Bad input"). */
export const ZIP_LIMITS = {
  entries: 2_000,
  /** total uncompressed bytes */
  bytes: 400 * 1024 * 1024,
  /** rows and cells over all worksheets */
  rows: 200_000,
  cells: 3_000_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A reason the bytes cannot be a workbook we are willing to open, or undefined when they can. */
export function checkZip(bytes: Uint8Array, limits = ZIP_LIMITS): string | undefined {
  const entries = readCentralDirectory(bytes);
  if (typeof entries === 'string') return entries;
  if (entries.length > limits.entries) return `the archive holds ${entries.length} entries (at most ${limits.entries} allowed)`;
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > limits.bytes) return `the archive would unpack to ${declared} bytes (at most ${limits.bytes} allowed)`;
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return 'the archive is not an Excel workbook (no xl/workbook.xml)';
  let rows = 0;
  let cells = 0;
  for (const e of entries) {
    // inflate with the declared size as a hard cap: an entry that lies about its size is caught here
    const data = inflateEntry(bytes, e);
    if (typeof data === 'string') return data;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      rows += countTags(data, '<row');
      cells += countTags(data, '<c ') + countTags(data, '<c>');
      if (rows > limits.rows) return `the worksheets hold more than ${limits.rows} rows`;
      if (cells > limits.cells) return `the worksheets hold more than ${limits.cells} cells`;
    }
  }
  return undefined;
}

function readCentralDirectory(b: Uint8Array): ZipEntry[] | string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'the archive is truncated (no end of central directory)';
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) return 'the archive is a ZIP64 archive, larger than any questionnaire';
  if (cdOffset + cdSize > b.length) return 'the archive is truncated (central directory outside the file)';
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return 'the archive is corrupted (bad central directory entry)';
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) return 'the archive is corrupted (entry name outside the file)';
    entries.push({
      name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function inflateEntry(b: Uint8Array, e: ZipEntry): Uint8Array | string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const h = e.localOffset;
  if (h + 30 > b.length || view.getUint32(h, true) !== 0x04034b50) return `the archive is corrupted (entry ${e.name} has no local header)`;
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + e.compressedSize;
  if (end > b.length) return `the archive is truncated (entry ${e.name} ends outside the file)`;
  const raw = b.subarray(start, end);
  if (e.method === 0) return raw.length === e.size ? raw : `the archive is corrupted (entry ${e.name} has the wrong size)`;
  if (e.method !== 8) return `the archive uses an unsupported compression method (${e.method}) for ${e.name}`;
  try {
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
    return out.length === e.size ? out : `the archive is corrupted (entry ${e.name} unpacks to a size other than declared)`;
  } catch (err) {
    const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    return tooBig ? `the archive entry ${e.name} unpacks to more than its declared size (a zip bomb?)` : `the archive entry ${e.name} is corrupted`;
  }
}

function countTags(data: Uint8Array, tag: string): number {
  const needle = Buffer.from(tag);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let n = 0;
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}
