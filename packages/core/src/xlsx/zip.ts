import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../zip-write';
import { Unreadable } from './unreadable';

/** Limits on what a workbook may make us hold (scale-and-safety.md "Bad input"). */
export const ZIP_LIMITS = {
  entries: 2_000,
  /** total uncompressed bytes the archive declares */
  bytes: 400 * 1024 * 1024,
  /** <row> elements over all worksheets, empty ones included (a million formatted rows is refused) */
  rows: 200_000,
  /** <c> elements and merged-over cells over all worksheets, empty ones included */
  cells: 1_500_000,
};
export type ZipLimits = typeof ZIP_LIMITS;

/** An entry as the archive stores it: what a writer copies without inflating it. */
export interface ZipEntryRaw {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * The entries of an archive, read from its central directory; an entry is inflated only when a
 * reader asks for it, capped at its declared size and checked against its CRC, so a part that
 * lies about its size or was damaged is caught before anything parses it.
 */
export class ZipArchive {
  private readonly byName = new Map<string, Entry>();

  private constructor(
    private readonly bytes: Uint8Array,
    entries: Entry[],
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Opens the archive or says why it is none we are willing to read. */
  static open(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
    const entries = readCentralDirectory(bytes);
    if (entries.length > limits.entries) throw new Unreadable(`the archive holds ${entries.length} entries (at most ${limits.entries} allowed)`);
    let declared = 0;
    const seen = new Set<string>();
    for (const e of entries) {
      declared += e.size;
      // part names are case-insensitive (OPC); "/xl/x.xml" and "xl/x.xml" name one part
      const key = e.name.toLowerCase();
      if (seen.has(key)) throw new Unreadable(`the archive holds two entries named ${e.name}`);
      seen.add(key);
      if (e.flags & 1) throw new Unreadable(`the archive entry ${e.name} is encrypted; ask the country for an unprotected copy`);
    }
    if (declared > limits.bytes) throw new Unreadable(`the archive would unpack to ${declared} bytes (at most ${limits.bytes} allowed)`);
    return new ZipArchive(bytes, entries);
  }

  get names(): string[] {
    return [...this.byName.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The inflated bytes of an entry; throws Unreadable when it is damaged or lies about its size. */
  read(name: string): Uint8Array {
    const { entry: e, raw } = this.located(name);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
      } catch (err) {
        const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        throw new Unreadable(tooBig ? `the archive entry ${e.name} unpacks to more than its declared size (a zip bomb?)` : `the archive entry ${e.name} is corrupted`);
      }
    } else throw new Unreadable(`the archive uses an unsupported compression method (${e.method}) for ${e.name}`);
    if (out.length !== e.size) throw new Unreadable(`the archive is corrupted (entry ${e.name} unpacks to ${out.length} bytes, not the ${e.size} declared)`);
    if (crc32(out) !== e.crc) throw new Unreadable(`the archive entry ${e.name} is damaged (its checksum does not match)`);
    return out;
  }

  /**
   * An entry's bytes as stored, with its method, CRC and size, not inflated: a copy of the
   * workbook carries its untouched parts over as they are (not checked: a damaged part stays as
   * damaged as in the original).
   */
  raw(name: string): ZipEntryRaw {
    const { entry: e, raw } = this.located(name);
    return { name: e.name, method: e.method, crc: e.crc, size: e.size, data: raw };
  }

  private located(name: string): { entry: Entry; raw: Uint8Array } {
    const e = this.byName.get(name.toLowerCase());
    if (!e) throw new Unreadable(`the archive has no part ${name}`);
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const h = e.localOffset;
    if (h + 30 > b.length || view.getUint32(h, true) !== 0x04034b50) throw new Unreadable(`the archive is corrupted (entry ${e.name} has no local header)`);
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const end = start + e.compressedSize;
    if (end > b.length) throw new Unreadable(`the archive is truncated (entry ${e.name} ends outside the file)`);
    return { entry: e, raw: b.subarray(start, end) };
  }
}

function readCentralDirectory(b: Uint8Array): Entry[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Unreadable('the archive is truncated (no end of central directory)');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) throw new Unreadable('the archive is split over several files');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new Unreadable('the archive is a ZIP64 archive, larger than any questionnaire');
  if (cdOffset + cdSize > b.length) throw new Unreadable('the archive is truncated (central directory outside the file)');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) throw new Unreadable('the archive is corrupted (bad central directory entry)');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) throw new Unreadable('the archive is corrupted (entry name outside the file)');
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    entries.push({
      // exceljs and Excel both read "/xl/…" and "xl\…" as "xl/…"
      name: name.replace(/\\/gu, '/').replace(/^\/+/u, ''),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
