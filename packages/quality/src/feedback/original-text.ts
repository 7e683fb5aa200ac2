/** The text of a CSV file as the country sent it: BOM first, else UTF-8 if it decodes, else Windows-1251. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** Physical lines of a CSV file, numbered as ingest numbers them (header = line 1). */
export function csvLines(bytes: Uint8Array): (line: string) => string {
  const lines = decodeText(bytes).split(/\r\n|\n|\r/);
  return (line) => {
    const n = Number(line);
    return Number.isInteger(n) && n >= 1 ? (lines[n - 1] ?? '') : '';
  };
}

export const isWorkbook = (path: string): boolean => /\.xlsx$/i.test(path);
