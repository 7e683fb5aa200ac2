import { describe, expect, it } from 'vitest';
import { editDistance, normaliseLabel } from './labels';
import { mulberry32 } from './random';

/** Levenshtein distance as the textbook writes it: the whole table. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('counts the insertions, deletions and substitutions between two labels', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kazahkstan', 'kazakhstan')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('германия', 'германия')).toBe(0);
  });

  it('agrees with the whole-table definition on 3 000 random pairs of Latin and Cyrillic text', () => {
    const random = mulberry32(13);
    const letters = 'abcdeаб вгд-';
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => letters[Math.floor(random() * letters.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const [a, b] = [text(), text()];
      expect(editDistance(a, b), `${a} / ${b}`).toBe(reference(a, b));
    }
  });
});

describe('normaliseLabel', () => {
  it('drops case, spacing, punctuation, footnote markers and look-alike letters', () => {
    expect(normaliseLabel('  Germany¹ ')).toBe('germany');
    expect(normaliseLabel('Korea, Republic of')).toBe('korea republic of');
    expect(normaliseLabel('Гeрмания')).toBe('германия');
  });
});
