import { describe, expect, it } from 'vitest';
import { buildLegend } from './legend';
import { parseValue } from './value';

const legend = buildLegend({});
const read = (text: string, thousands = false) => {
  const r = parseValue({ text }, thousands, legend);
  return r.ok ? [r.value, r.status.obs_status, r.status.conf_status, r.note_refs.join('|')] : r.reason;
};

describe('value cells', () => {
  it.each([
    ['12345', [12345, 'A', 'F', '']],
    // a symbol with its footnote: the symbol, and the note it points to
    ['..¹', [null, 'O', 'F', '1']],
    ['.. 2)', [null, 'O', 'F', '2']],
    ['12 345', [12345, 'A', 'F', '']],
    ['12\u00a0345', [12345, 'A', 'F', '']],
    ['12\u202f345', [12345, 'A', 'F', '']],
    ['12,345', [12345, 'A', 'F', '']],
    ["12'345", [12345, 'A', 'F', '']],
    ['1,234,567', [1234567, 'A', 'F', '']],
    ['12,0', [12, 'A', 'F', '']],
    ['..', [null, 'O', 'F', '']],
    ['…', [null, 'O', 'F', '']],
    ['-', [0, 'A', 'F', '']],
    ['\u0445', [null, 'M', 'F', '']],
    ['\u0441', [null, 'Q', 'C', '']],
    ['conf', [null, 'Q', 'C', '']],
    ['123*', [123, 'P', 'F', '']],
    ['123 \u0440', [123, 'P', 'F', '']],
    ['123 (e)', [123, 'E', 'F', '']],
    ['123\u0435', [123, 'E', 'F', '']],
    ['123 b', [123, 'B', 'F', '']],
    ['1 234¹', [1234, 'A', 'F', '1']],
    ['1234 1)', [1234, 'A', 'F', '1']],
    ['1234 [2]', [1234, 'A', 'F', '2']],
    ['1234² p', [1234, 'P', 'F', '2']],
    ['12,3', 'fraction-in-persons'],
    ['-5', 'negative-value'],
    ['12 34', 'unparseable-value'],
    ['abc', 'unparseable-value'],
    ['=HYPERLINK("x")', 'unparseable-value'],
    ['1e5', 'unparseable-value'],
    ['99999999999999999999', 'unparseable-value'],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['12,3', [12.3, 'A', 'F', '']],
    ['12.35', [12.35, 'A', 'F', '']],
    ['12 345', [12345, 'A', 'F', '']],
    ['1 234,5', [1234.5, 'A', 'F', '']],
    ['12,345', 'ambiguous-number'],
    ['12.345', 'ambiguous-number'],
    ['1,2345', 'fraction-in-persons'],
  ])('%s in thousands', (text, expected) => {
    expect(read(text, true)).toEqual(expected);
  });

  it('takes numbers the workbook stored as numbers, rounding float noise in thousands', () => {
    expect(parseValue({ text: '12.299999999', number: 12.299999999 }, true, legend)).toMatchObject({ ok: true, value: 12.3 });
    expect(parseValue({ text: '2.5', number: 2.5 }, false, legend)).toMatchObject({ ok: false, reason: 'fraction-in-persons' });
    expect(parseValue({ text: '-3', number: -3 }, false, legend, true)).toMatchObject({ ok: true, value: -3 });
  });
});
