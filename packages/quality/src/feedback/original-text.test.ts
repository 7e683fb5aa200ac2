import { describe, expect, it } from 'vitest';
import { csvLines } from './original-text';

/** The definition: the lines split at CR LF, LF or CR, numbered from 1. */
const bySplit = (text: string) => {
  const lines = text.split(/\r\n|\n|\r/);
  return (line: string) => {
    const n = Number(line);
    return Number.isInteger(n) && n >= 1 ? (lines[n - 1] ?? '') : '';
  };
};

describe('csvLines', () => {
  it('gives each physical line as a split at CR LF, LF or CR would, whatever the line ends', () => {
    const pieces = ['a', 'bc', ';1 234', '"x,y"', '', 'дом', '\r\n', '\n', '\r', '\r\r', '\n\r', '\r\n\r\n'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = next() % 12; i > 0; i--) text += pieces[next() % pieces.length];
      const lines = csvLines(new TextEncoder().encode(text));
      const want = bySplit(text);
      for (const n of ['0', '1', '2', '3', '4', '5', '6', '9', '-1', '1.5', 'x', '']) expect(lines(n), JSON.stringify([text, n])).toBe(want(n));
    }
  });

  it('reads a Windows-1251 file as the country sent it', () => {
    const cp1251 = Uint8Array.from([0xc4, 0xee, 0xec, 0x0d, 0x0a, 0x41]);
    const lines = csvLines(cp1251);
    expect([lines('1'), lines('2'), lines('3')]).toEqual(['Дом', 'A', '']);
  });
});
