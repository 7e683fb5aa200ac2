// Same fix as publish/src/xlsx/zip-dates.ts: a stage may not import another, and the fix is too small to move to core.
/**
 * exceljs's zip writer (JSZip) stamps every entry with the current local time. This rewrites the
 * DOS time and date of every entry, in the local headers and the central directory, to a fixed
 * date so two builds give identical bytes. Only the fields are patched; the data is untouched.
 */
export function fixZipEntryTimes(zip: Buffer, isoDate: string): Buffer {
  const out = Buffer.from(zip);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day;
  const dosTime = 0;
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip: no central directory entry at ${at}`);
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip: no local header at ${local}`);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new Error('zip: no end of central directory');
}
