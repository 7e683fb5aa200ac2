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

/**
 * Physical lines of a CSV file, numbered as ingest numbers them (header = line 1; CR LF, LF or CR
 * ends a line). Decoded and indexed when a line is first asked for, each line cut out only then:
 * a listing quotes a few hundred lines of a file of hundreds of thousands.
 */
export function csvLines(bytes: Uint8Array): (line: string) => string {
  let text = '';
  let starts: number[] | undefined;
  const index = (): number[] => {
    text = decodeText(bytes);
    const out = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) out.push(i + 1);
      else if (c === CR) {
        if (text.charCodeAt(i + 1) === LF) i++;
        out.push(i + 1);
      }
    }
    return out;
  };
  return (line) => {
    const n = Number(line);
    if (!Number.isInteger(n) || n < 1) return '';
    starts ??= index();
    if (n > starts.length) return '';
    const from = starts[n - 1]!;
    if (n === starts.length) return text.slice(from);
    // the line's break: CR LF, LF or CR
    let end = starts[n]! - 1;
    if (text.charCodeAt(end) === LF && end > from && text.charCodeAt(end - 1) === CR) end--;
    return text.slice(from, end);
  };
}

const LF = 10;
const CR = 13;

export const isWorkbook = (path: string): boolean => /\.xlsx$/i.test(path);
