import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r';

/**
 * Detects the encoding of a CSV: a BOM decides; else valid UTF-8 is UTF-8; else mostly UTF-8 is
 * UTF-8 `partly` (its other lines refused at their place); else bytes whose high half is mostly
 * the Cyrillic letters of Windows-1251 (0xC0–0xFF, Ё ё) are Windows-1251, or KOI8 (read as
 * KOI8-U, which is KOI8-R with the Ukrainian letters) where it reads clearly better. Returns a
 * reason when none fits.
 */
export function detectEncoding(b: Uint8Array): { encoding: Encoding; bomLength: number; partly?: true } | { problem: string } {
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
  // UTF-8 but for a line or two pasted from a file in another encoding: read as UTF-8, and those
  // lines are refused at their place (readCsv), rather than every Cyrillic line read as Windows-1251
  if (mostlyUtf8(b)) return { encoding: 'utf-8', bomLength: 0, partly: true };
  let high = 0;
  let cyrillic = 0;
  for (const x of b) {
    if (x < 0x80) continue;
    high++;
    if (x >= 0xc0 || x === 0xa8 || x === 0xb8 || x === 0xb9) cyrillic++;
  }
  if (high > 0 && cyrillic / high >= 0.6) return { encoding: koi8Reads(sample) ? 'koi8-r' : 'windows-1251', bomLength: 0 };
  return { problem: 'the text is neither UTF-8, UTF-16 with a BOM, nor Windows-1251; save it as UTF-8' };
}

/** The letters most frequent in Russian and Ukrainian text, either case: the same bytes read in the wrong encoding hold far fewer. */
const FREQUENT = new Set('оеаинтсрвлкОЕАИНТСРВЛКіІ');

/**
 * Whether bytes Windows-1251 and KOI8 would both read as Cyrillic letters are KOI8: the two map
 * the letters to other bytes (KOI8's small letters are Windows-1251's capitals, in another
 * order), so the right one gives text of frequent letters, the wrong one a scramble. KOI8 only
 * when it reads clearly better: capitals alone, or a few words, stay Windows-1251.
 */
function koi8Reads(b: Uint8Array): boolean {
  const score = (text: string) => {
    let n = 0;
    for (const ch of text) if (FREQUENT.has(ch)) n++;
    return n;
  };
  const body = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return score(iconv.decode(body, 'koi8-u')) > 1.5 * score(iconv.decode(body, 'win1251'));
}

/**
 * Invalid UTF-8 that is mostly UTF-8 all the same: UTF-8 writes a Cyrillic letter as a lead byte
 * (0xD0, 0xD1) and a byte of 0x80–0xBF, which Windows-1251 and KOI8-R text hardly holds (their
 * letters are 0xC0–0xFF), so where such pairs make up a third of the bytes above ASCII or more,
 * the text is UTF-8 with a few lines in another encoding.
 */
function mostlyUtf8(b: Uint8Array): boolean {
  let high = 0;
  let pairs = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x < 0x80) continue;
    high++;
    const next = b[i + 1] ?? 0;
    if ((x === 0xd0 || x === 0xd1) && next >= 0x80 && next < 0xc0) {
      pairs++;
      high++;
      i++;
    }
  }
  return pairs > 0 && pairs * 2 * 3 >= high;
}

export function decode(b: Uint8Array, encoding: Encoding, bomLength: number): string {
  const body = Buffer.from(b.buffer, b.byteOffset, b.byteLength).subarray(bomLength);
  if (encoding === 'utf-8') return body.toString('utf8');
  if (encoding === 'utf-16le') return wellFormed(iconv.decode(body, 'utf-16le'));
  if (encoding === 'utf-16be') return wellFormed(iconv.decode(body, 'utf-16be'));
  // KOI8-U: KOI8-R with the Ukrainian letters (і ї є ґ) where KOI8-R has box drawing
  return iconv.decode(body, encoding === 'koi8-r' ? 'koi8-u' : 'win1251');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** UTF-16 bytes may hold half a character: U+FFFD in its place, as any UTF-8 text would have it. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}
