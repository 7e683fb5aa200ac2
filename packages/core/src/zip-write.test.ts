import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zipArchive } from './zip-write';

describe('zipArchive', () => {
  it('computes the CRC-32 zip readers check', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
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
