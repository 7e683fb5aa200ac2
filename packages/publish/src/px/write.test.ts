import { describe, expect, it } from 'vitest';
import { MAX_LINE } from './entries';
import { bytes, splitText } from './write';

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
