const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * Sets the time of every entry of a zip archive (xlsx) to a fixed date, in the local headers and
 * the central directory: JSZip inside exceljs stamps entries with the clock, and the same
 * workbook must be the same bytes. Returns a patched copy; only those fields change.
 */
export function fixZipEntryTimes(zip: Uint8Array, isoDate = '1980-01-01'): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosDate = dosDateOf(isoDate);
  for (const { central, local } of entryHeaders(view)) {
    view.setUint16(central + 12, 0, true);
    view.setUint16(central + 14, dosDate, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
  }
  return out;
}

/** The MS-DOS date field of a zip entry for a YYYY-MM-DD date (1980 at the earliest). */
export function dosDateOf(isoDate: string): number {
  const [year = 1980, month = 1, day = 1] = isoDate.split('-').map(Number);
  return ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day;
}

/**
 * Every entry of an archive whose entries are all stored (method 0), by name and content, in
 * order: what JSZip writes when asked not to compress.
 */
export function storedEntries(zip: Uint8Array): [name: string, content: Uint8Array][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: [string, Uint8Array][] = [];
  for (const { central, local } of entryHeaders(view)) {
    const nameLength = view.getUint16(central + 28, true);
    const name = new TextDecoder().decode(zip.subarray(central + 46, central + 46 + nameLength));
    if (view.getUint16(central + 10, true) !== 0) throw new Error(`zip entry ${name} is compressed; only stored entries are read here`);
    const size = view.getUint32(central + 20, true);
    if (size === 0xffffffff) throw new Error(`zip entry ${name} is a ZIP64 entry: only plain zip archives are read here`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push([name, zip.subarray(start, start + size)]);
  }
  return out;
}

/** Where each entry's central directory record and local header start, both checked, in order. */
function* entryHeaders(view: DataView): Generator<{ central: number; local: number }> {
  const end = endOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  // ZIP64 moves counts and offsets elsewhere; JSZip never writes it, and nothing here reads it
  if (count === 0xffff || at === 0xffffffff) throw new Error('a ZIP64 archive: only plain zip archives are read here');
  for (let e = count; e > 0; e--) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error(`zip central directory broken at byte ${at}`);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`zip local header broken at byte ${local}`);
    yield { central: at, local };
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

function endOfCentralDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) return i;
  }
  throw new Error('not a zip archive: no end-of-central-directory record');
}
