// Test helpers that open what the release compresses, so a search for a value sees every byte.
import { execFileSync } from 'node:child_process';
import { inflateRawSync, inflateSync } from 'node:zlib';

/** Entries of a zip (xlsx), decompressed, by name. */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Every stream of a PDF, inflated where it is compressed, joined to the file's own bytes. */
export function pdfStreams(pdf: Buffer): Buffer {
  const parts: Buffer[] = [pdf];
  const text = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)));
    } catch {
      parts.push(pdf.subarray(start, end));
    }
  }
  return Buffer.concat(parts);
}

/** pdftotext (poppler) if installed, else null so the caller can skip with a reason. */
export function pdfText(path: string): string | null {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** The text of each page of a PDF (pdftotext separates pages with a form feed), or null without poppler. */
export function pdfPageTexts(path: string): string[] | null {
  const text = pdfText(path);
  return text === null ? null : text.split('\f').slice(0, -1);
}
