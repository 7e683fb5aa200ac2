import { createRequire } from 'node:module';

type Style = Record<string, unknown> & { extends?: string | string[] };
type Item = string | (Record<string, unknown> & { style?: unknown; section?: unknown });

/** The part of pdfmake 0.3's StyleContextStack (js/StyleContextStack.js) the lookups below replace. */
export interface StyleStackClass {
  prototype: {
    getProperty(this: StyleStack, property: string): unknown;
    push(this: StyleStack, entry: Item): void;
    pop(this: StyleStack, howMany?: number): void;
  };
  getStyleProperty(item: Item, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown;
}

interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides?: Item[];
  /** getProperty's answers since the last push or pop */
  memo?: Map<string, unknown>;
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' || v instanceof String;

/** A named style's value of a property, its `extends` parents last to first, each style visited once. */
function fromStyle(dictionary: StyleStack['styleDictionary'], name: string, property: string, visited?: Set<string>): unknown {
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    if (seen.has(parents[i]!)) continue;
    const value = fromStyle(dictionary, parents[i]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/**
 * A named style's value of a property, looked up once per document: the dictionary is fixed while
 * pdfmake lays out, and the same few styles are asked the same properties for every word.
 */
const named = new WeakMap<StyleStack['styleDictionary'], Map<string, Map<string, unknown>>>();
function namedStyleValue(dictionary: StyleStack['styleDictionary'], name: string, property: string): unknown {
  let styles = named.get(dictionary);
  if (!styles) {
    styles = new Map();
    named.set(dictionary, styles);
  }
  let known = styles.get(name);
  if (!known) {
    known = new Map();
    styles.set(name, known);
  }
  if (known.has(property)) return known.get(property);
  const value = fromStyle(dictionary, name, property);
  known.set(property, value);
  return value;
}

/** A pushed entry's value of a property: a style name looks in the dictionary, an object holds it. */
function entryValue(stack: StyleStack, entry: Item, property: string): unknown {
  return isString(entry) ? namedStyleValue(stack.styleDictionary, String(entry), property) : entry[property];
}

/**
 * The stack from its top: the first value found, else the default style's. Between a push and a
 * pop the answer cannot change, and pdfmake asks it again for every word: kept until the next.
 */
function getProperty(this: StyleStack, property: string): unknown {
  if (!this.memo) this.memo = new Map();
  const memo = this.memo;
  if (memo.has(property)) return memo.get(property);
  const value = stackValue(this, property);
  memo.set(property, value);
  return value;
}

function stackValue(stack: StyleStack, property: string): unknown {
  const overrides = stack.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = entryValue(stack, overrides[i]!, property);
      if (isValue(value)) return value;
    }
  }
  // biome-ignore lint/complexity/useOptionalChain: pdfmake answers null for a null default style, not undefined
  return stack.defaultStyle && stack.defaultStyle[property];
}

/**
 * What pdfmake computes by pushing the item (its style names, then the item itself) onto the
 * stack, reading the property and popping them again: the same lookup in the same order, without
 * touching the stack.
 */
function getStyleProperty(item: Item, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  let value: unknown;
  if (!isString(item) && item.section === undefined && item.style) {
    const names = (Array.isArray(item.style) ? item.style : [item.style]) as Item[];
    for (let i = names.length - 1; i >= 0 && !isValue(value); i--) value = entryValue(stack, names[i]!, property);
  }
  if (!isValue(value)) value = getProperty.call(stack, property);
  return isValue(value) ? value : defaultValue;
}

/** pdfmake's own StyleContextStack class, the one its layout code calls. */
export function pdfmakeStyleStack(): StyleStackClass {
  const require = createRequire(import.meta.url);
  return (require('pdfmake/js/StyleContextStack') as { default: StyleStackClass }).default;
}

/**
 * pdfmake looks up some 25 style properties for every word it measures, each lookup pushing and
 * popping the style stack and allocating a closure and a Set: a third of the time of a PDF.
 * These lookups answer the same values in the same order (pdf-styles.test.ts compares them with
 * pdfmake's on generated stacks, pushes and pops between the questions) without that, and each
 * answer once per stack state, so the documents are the same bytes.
 */
export function useFastStyleLookups(cls: StyleStackClass = pdfmakeStyleStack()): void {
  const { push, pop } = cls.prototype;
  cls.prototype.push = function (this: StyleStack, entry: Item) {
    this.memo = undefined;
    push.call(this, entry);
  };
  cls.prototype.pop = function (this: StyleStack, howMany?: number) {
    this.memo = undefined;
    pop.call(this, howMany);
  };
  cls.prototype.getProperty = getProperty;
  cls.getStyleProperty = getStyleProperty;
}
