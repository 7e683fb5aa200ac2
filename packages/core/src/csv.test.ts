import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it('makes formula text inert with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2+3')).toBe("'-2+3");
  });
  it('leaves numbers, a lone dash and plain text as they are', () => {
    expect(csvField('-5')).toBe('-5');
    expect(csvField('-')).toBe('-');
    expect(csvField('Germany')).toBe('Germany');
  });
  it('quotes per RFC 4180', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'line\nbreak']])).toBe('a,b\n"x,y","line\nbreak"\n');
  });
});

describe('csvField, every short string of the characters its rules look at', () => {
  // the two rules as first written, one regular expression each: the one-test fast path must agree
  const reference = (value: string): string => {
    const v = /^[=+\-@\t\r]/.test(value) && value.length > 1 && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const alphabet = ['=', '+', '-', '@', '\t', '\r', '\n', '"', ',', '1', '.', 'a', ' '];
  it('agrees with the rules written out, for all 30 941 strings of up to four of them', () => {
    let strings = [''];
    let all = [''];
    for (let n = 0; n < 4; n++) {
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
      all = all.concat(strings);
    }
    expect(all.length).toBe(30_941);
    for (const s of all) expect(csvField(s), JSON.stringify(s)).toBe(reference(s));
  });
});
