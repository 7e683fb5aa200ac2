/**
 * Sets every entry time of a zip archive to the DOS epoch, in place: JSZip (inside exceljs) stamps
 * entries with the clock, and the same template must be the same bytes.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.byteLength - 22; i >= 0 && end < 0; i--) if (view.getUint32(i, true) === 0x06054b50) end = i;
  if (end < 0) throw new Error('exceljs wrote no zip archive');
  const DOS_DATE = (1 << 5) | 1;
  let at = view.getUint32(end + 16, true);
  for (let e = view.getUint16(end + 10, true); e > 0; e--) {
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
