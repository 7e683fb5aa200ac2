import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type StyleStackClass, useFastStyleLookups } from './pdf-styles';

const require = createRequire(import.meta.url);

/** A copy of pdfmake's StyleContextStack module of its own, loaded afresh: pdfmake's lookups, untouched. */
function freshClass(): StyleStackClass & (new (dictionary: object, defaultStyle?: unknown) => Stack) {
  const path = require.resolve('pdfmake/js/StyleContextStack');
  delete require.cache[path];
  const cls = (require(path) as { default: StyleStackClass & (new (dictionary: object, defaultStyle?: unknown) => Stack) }).default;
  delete require.cache[path];
  return cls;
}

interface Stack {
  styleOverrides: unknown[];
  getProperty(property: string): unknown;
}

/** Small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const PROPERTIES = ['font', 'fontSize', 'bold', 'noWrap', 'color'] as const;
const VALUES = [undefined, null, 0, false, '', 8, 'DejaVu', true, 'red'] as const;
const NAMES = ['h1', 'p', 'td', 'th', 'missing', 'loop', 'child'] as const;

/** A dictionary with values, holes, `extends` chains (names and lists) and a cycle. */
function dictionary(r: ReturnType<typeof random>): Record<string, Record<string, unknown>> {
  const dict: Record<string, Record<string, unknown>> = {};
  for (const name of NAMES.filter((n) => n !== 'missing')) {
    const style: Record<string, unknown> = {};
    for (const p of PROPERTIES) if (r.next() < 0.4) style[p] = r.pick(VALUES);
    if (r.next() < 0.4) style.extends = r.next() < 0.5 ? r.pick(NAMES) : [r.pick(NAMES), r.pick(NAMES)];
    dict[name] = style;
  }
  dict.loop = { ...dict.loop, extends: ['child', 'loop'] };
  return dict;
}

/** A stack entry or an item: a style name, or an object with its own values and style names. */
function entry(r: ReturnType<typeof random>, item: boolean): unknown {
  if (r.next() < 0.3) return r.pick(NAMES);
  const node: Record<string, unknown> = {};
  for (const p of PROPERTIES) if (r.next() < 0.25) node[p] = r.pick(VALUES);
  const roll = r.next();
  if (roll < 0.3) node.style = r.pick(NAMES);
  else if (roll < 0.5) node.style = [r.pick(NAMES), r.next() < 0.5 ? r.pick(NAMES) : { [r.pick(PROPERTIES)]: r.pick(VALUES) }];
  if (item && r.next() < 0.1) node.section = true;
  return node;
}

describe('useFastStyleLookups', () => {
  it("answers every style lookup as pdfmake's own StyleContextStack does", () => {
    const original = freshClass();
    const fast = freshClass();
    useFastStyleLookups(fast);
    expect(fast.prototype.getProperty).not.toBe(original.prototype.getProperty);
    const r = random(20131115);
    for (let n = 0; n < 3000; n++) {
      const dict = dictionary(r);
      const defaultStyle = r.pick([{ font: 'DejaVu', fontSize: 9 }, {}, undefined, null]);
      const entries = Array.from({ length: Math.floor(r.next() * 5) }, () => entry(r, false));
      const a = new original(dict, defaultStyle);
      const b = new fast(dict, defaultStyle);
      a.styleOverrides.push(...entries);
      b.styleOverrides.push(...entries);
      const item = r.next() < 0.1 ? 'plain text' : entry(r, true);
      const property = r.pick(PROPERTIES);
      const fallback = r.pick(VALUES);
      const where = `case ${n}: ${JSON.stringify({ dict, defaultStyle, entries, item, property, fallback })}`;
      expect(b.getProperty(property), where).toBe(a.getProperty(property));
      const stack = r.next() < 0.1 ? null : 'stack';
      const viaOriginal = original.getStyleProperty(item as never, stack && (a as never), property, fallback);
      expect(fast.getStyleProperty(item as never, stack && (b as never), property, fallback), where).toBe(viaOriginal);
      expect(b.styleOverrides, where).toEqual(entries);
    }
  });

  it('answers alike through pushes and pops on one stack, as pdfmake lays out a document', () => {
    const original = freshClass();
    const fast = freshClass();
    useFastStyleLookups(fast);
    const r = random(20111115);
    for (let n = 0; n < 200; n++) {
      const dict = dictionary(r);
      const defaultStyle = r.pick([{ font: 'DejaVu', fontSize: 9 }, {}]);
      const a = new original(dict, defaultStyle) as Stack & { push(e: unknown): void; pop(k?: number): void };
      const b = new fast(dict, defaultStyle) as Stack & { push(e: unknown): void; pop(k?: number): void };
      const steps: string[] = [];
      for (let k = 0; k < 60; k++) {
        const roll = r.next();
        if (roll < 0.3) {
          const e = entry(r, false);
          a.push(e);
          b.push(e);
          steps.push(`push ${JSON.stringify(e)}`);
        } else if (roll < 0.45) {
          const many = 1 + Math.floor(r.next() * 2);
          a.pop(many);
          b.pop(many);
          steps.push(`pop ${many}`);
        } else {
          const property = r.pick(PROPERTIES);
          steps.push(`get ${property}`);
          expect(b.getProperty(property), `case ${n}: ${JSON.stringify({ dict, defaultStyle, steps })}`).toBe(a.getProperty(property));
        }
      }
    }
  });

  it('forgets its answers at a pop: a heading size does not outlive the heading', () => {
    const fast = freshClass();
    useFastStyleLookups(fast);
    const b = new fast({ h1: { fontSize: 14 } }, { fontSize: 9 }) as Stack & { push(e: unknown): void; pop(k?: number): void };
    b.push('h1');
    expect(b.getProperty('fontSize')).toBe(14);
    b.pop();
    expect(b.getProperty('fontSize')).toBe(9);
  });
});
