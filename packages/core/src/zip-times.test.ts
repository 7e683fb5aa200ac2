import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixZipEntryTimes } from './zip-times';

/** A one-entry zip archive with a given DOS time and date, built by hand. */
function zipWith(time: number, date: number): Uint8Array {
  const name = Buffer.from('a.txt');
  const data = deflateRawSync(Buffer.from('hello'));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(5, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(time, 12);
  central.writeUInt16LE(date, 14);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(5, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

describe('fixZipEntryTimes', () => {
  it('gives archives written at different times the same bytes', () => {
    const morning = zipWith(0x4a20, 0x5b79);
    const evening = zipWith(0x9c40, 0x5b7a);
    expect(Buffer.compare(morning, evening)).not.toBe(0);
    expect(Buffer.compare(fixZipEntryTimes(morning, '2013-11-15'), fixZipEntryTimes(evening, '2013-11-15'))).toBe(0);
  });

  it('writes the given date as a DOS date and leaves the input untouched', () => {
    const zip = zipWith(0x4a20, 0x5b79);
    const fixed = new DataView(fixZipEntryTimes(zip, '2013-11-15').buffer);
    expect(fixed.getUint16(12, true)).toBe(((2013 - 1980) << 9) | (11 << 5) | 15);
    expect(new DataView(zip.buffer).getUint16(12, true)).toBe(0x5b79);
  });

  it('refuses bytes that are not a zip archive', () => {
    expect(() => fixZipEntryTimes(new Uint8Array(40))).toThrow(/not a zip/);
  });
});
