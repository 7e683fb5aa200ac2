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
