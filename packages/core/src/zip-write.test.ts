import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dosDateOf, storedEntries } from './zip-times';
import { crc32, deflatePieces, tableCrc32, zipArchive } from './zip-write';

describe('zipArchive', () => {
  it('computes the CRC-32 zip readers check', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) & 0xff);
    for (const n of [0, 1, 31, 5000]) expect(crc32(bytes.subarray(0, n))).toBe(tableCrc32(bytes.subarray(0, n)));
    // continued over pieces, as deflatePieces does, it is the CRC of the whole
    for (const f of [crc32, tableCrc32]) expect(f(bytes.subarray(1234), f(bytes.subarray(0, 1234)))).toBe(crc32(bytes));
  });

  it('takes content deflated piece by piece, which reads back whole with its CRC and size', async () => {
    const pieces = Array.from({ length: 50 }, (_, i) => Buffer.from(`<row r="${i}">${'x'.repeat(i * 97)}</row>`));
    const whole = Buffer.concat(pieces);
    const deflated = await deflatePieces(pieces);
    expect(deflated.size).toBe(whole.length);
    expect(deflated.crc).toBe(crc32(whole));
    expect(inflateRawSync(deflated.deflated).equals(whole)).toBe(true);
    const zip = Buffer.from(zipArchive([['a.xml', '<a/>'], ['b.xml', deflated]]));
    expect(storedEntries(zipArchive([['b.xml', whole]], { store: true }))[0]![1].length).toBe(whole.length);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = zip.readUInt32LE(end + 16);
    p += 46 + zip.readUInt16LE(p + 28);
    expect([zip.readUInt32LE(p + 16), zip.readUInt32LE(p + 24)]).toEqual([crc32(whole), whole.length]);
    const local = zip.readUInt32LE(p + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26);
    expect(inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(p + 20))).equals(whole)).toBe(true);
    expect(() => zipArchive([['b.xml', deflated]], { store: true })).toThrow('deflated already');
  });

  it('writes deflated and stored entries that read back, with the fixed date and a declared size where asked', () => {
    for (const store of [false, true]) {
      const zip = Buffer.from(zipArchive([['a.xml', '<a/>'], ['b.xml', 'bbbb', 99]], { store, dosDate: 0x21 }));
      const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      expect(zip.readUInt16LE(end + 10)).toBe(2);
      let p = zip.readUInt32LE(end + 16);
      const read: [string, string, number, number][] = [];
      for (let i = 0; i < 2; i++) {
        const n = zip.readUInt16LE(p + 28);
        const local = zip.readUInt32LE(p + 42);
        const start = local + 30 + zip.readUInt16LE(local + 26);
        const data = zip.subarray(start, start + zip.readUInt32LE(p + 20));
        const content = zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : data;
        expect(zip.readUInt32LE(p + 16)).toBe(crc32(content));
        read.push([zip.subarray(p + 46, p + 46 + n).toString(), content.toString(), zip.readUInt32LE(p + 24), zip.readUInt16LE(p + 14)]);
        p += 46 + n;
      }
      expect(read).toEqual([
        ['a.xml', '<a/>', 4, 0x21],
        ['b.xml', 'bbbb', 99, 0x21],
      ]);
    }
  });
});

describe('storedEntries', () => {
  it('reads back every entry of a stored archive, names, order and content, which zipArchive deflates again with the date', () => {
    const entries: [string, string][] = [['[Content_Types].xml', '<Types/>'], ['xl/worksheets/sheet1.xml', '<worksheet>'.repeat(200)], ['empty.txt', '']];
    const stored = zipArchive(entries, { store: true });
    expect(storedEntries(stored).map(([n, c]) => [n, Buffer.from(c).toString()])).toEqual(entries);
    const zip = Buffer.from(zipArchive(storedEntries(stored), { dosDate: dosDateOf('2013-10-15') }));
    expect(zip.length).toBeLessThan(stored.length);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = zip.readUInt32LE(end + 16);
    const read: [string, string][] = [];
    for (let i = 0; i < entries.length; i++) {
      const n = zip.readUInt16LE(p + 28);
      expect(zip.readUInt16LE(p + 10)).toBe(8);
      // 2013-10-15 as MS-DOS: (2013 - 1980) << 9 | 10 << 5 | 15
      expect(zip.readUInt16LE(p + 14)).toBe((33 << 9) | (10 << 5) | 15);
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26);
      const content = inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(p + 20)));
      expect(zip.readUInt32LE(p + 16)).toBe(crc32(content));
      read.push([zip.subarray(p + 46, p + 46 + n).toString(), content.toString()]);
      p += 46 + n;
    }
    expect(read).toEqual(entries);
  });

  it('refuses an archive with a compressed entry rather than take its compressed bytes for content', () => {
    expect(() => storedEntries(zipArchive([['a.xml', '<a/>']]))).toThrow('a.xml is compressed');
  });
});
