import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/**
 * Detects the encoding of a CSV: a BOM decides; else valid UTF-8 is UTF-8; else bytes whose high
 * half is mostly the Cyrillic letters of Windows-1251 (0xC0–0xFF, Ё ё) are Windows-1251.
 * Returns a reason when none fits.
 */
export function detectEncoding(b: Uint8Array): { encoding: Encoding; bomLength: number } | { problem: string } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = b.subarray(0, 64 * 1024);
  const nulOdd = sample.filter((x, i) => x === 0 && i % 2 === 1).length;
  const nulEven = sample.filter((x, i) => x === 0 && i % 2 === 0).length;
  // UTF-16 saved without a BOM: every other byte of ASCII text is zero
  if (sample.length >= 4 && nulOdd > sample.length / 4 && nulEven === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (sample.length >= 4 && nulEven > sample.length / 4 && nulOdd === 0) return { encoding: 'utf-16be', bomLength: 0 };
  // validated without decoding: the text is decoded once, by decode()
  if (isUtf8(b)) return { encoding: 'utf-8', bomLength: 0 };
  let high = 0;
  let cyrillic = 0;
  for (const x of b) {
    if (x < 0x80) continue;
    high++;
    if (x >= 0xc0 || x === 0xa8 || x === 0xb8 || x === 0xb9) cyrillic++;
  }
  if (high > 0 && cyrillic / high >= 0.6) return { encoding: 'windows-1251', bomLength: 0 };
  return { problem: 'the text is neither UTF-8, UTF-16 with a BOM, nor Windows-1251; save it as UTF-8' };
}

export function decode(b: Uint8Array, encoding: Encoding, bomLength: number): string {
  const body = Buffer.from(b.buffer, b.byteOffset, b.byteLength).subarray(bomLength);
  if (encoding === 'utf-8') return body.toString('utf8');
  if (encoding === 'utf-16le') return wellFormed(iconv.decode(body, 'utf-16le'));
  if (encoding === 'utf-16be') return wellFormed(iconv.decode(body, 'utf-16be'));
  return iconv.decode(body, 'win1251');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** UTF-16 bytes may hold half a character: U+FFFD in its place, as any UTF-8 text would have it. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}
