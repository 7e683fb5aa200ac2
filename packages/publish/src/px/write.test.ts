import { describe, expect, it } from 'vitest';
import { MAX_LINE, type PxCell, type PxEntry } from './entries';
import { bytes, serialisePx, splitText } from './write';

describe('splitText', () => {
  it('cuts Russian text by bytes, not letters, so a quoted chunk stays within the line limit', () => {
    const text = 'Иммигранты по стране предыдущего проживания, типу миграции, полу, стране и году. '.repeat(6);
    const chunks = splitText(text);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect(bytes(`"${c}",`)).toBeLessThanOrEqual(MAX_LINE);
    expect(chunks.length).toBeGreaterThan(Math.ceil(text.length / 200));
  });

  it('never splits a character that takes more than one UTF-16 unit', () => {
    const text = `${'😀'.repeat(120)}`;
    const chunks = splitText(text);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect([...c].every((ch) => ch === '😀')).toBe(true);
  });
});

describe('DATA lines', () => {
  const data = (cells: PxCell[], rowLength: number): string[] => {
    const text = serialisePx([{ keyword: 'DATA', lang: null, subkeys: [], items: [{ kind: 'data', cells, rowLength }] } as unknown as PxEntry]);
    return text.split('\r\n').slice(1, -1);
  };
  let s = 11;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
  const cell = (): PxCell => (next(6) === 0 ? { kind: 'symbol', symbol: ['..', '...', '.....', 'нет данных'][next(4)]! } : { kind: 'number', value: next(10) === 0 ? next(2 ** 30) : next(5000) });

  it('start each stub row on a line, fill lines greedily within 256 bytes and end every line with a space, the last with ;', () => {
    for (let t = 0; t < 200; t++) {
      const rowLength = next(120);
      const cells = Array.from({ length: next(600) }, cell);
      const lines = data(cells, rowLength);
      const atoms = cells.map((c, i) => `${c.kind === 'number' ? c.value : `"${c.symbol}"`}${i === cells.length - 1 ? ';' : ' '}`);
      expect(lines.join(''), `case ${t}`).toBe(cells.length ? atoms.join('') : ';');
      let at = 0;
      for (const [i, line] of lines.entries()) {
        expect(bytes(line)).toBeLessThanOrEqual(MAX_LINE);
        // the line holds the atoms from `at` on; the next one would not have fitted, unless a new stub row begins
        let end = at;
        for (let size = 0; end < atoms.length && size + bytes(atoms[end]!) <= bytes(line); end++) size += bytes(atoms[end]!);
        const rowStart = (k: number) => k % Math.max(1, rowLength) === 0;
        if (i < lines.length - 1 && cells.length) expect(rowStart(end) || bytes(line) + bytes(atoms[end]!) > MAX_LINE, `case ${t} line ${i}`).toBe(true);
        for (let k = at + 1; k < end; k++) expect(rowStart(k), `case ${t}: row ${k} starts mid-line`).toBe(false);
        at = end;
      }
    }
  });
});
