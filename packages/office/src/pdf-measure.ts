import { createRequire } from 'node:module';

/** A text node as pdfmake 0.3's DocMeasure (js/DocMeasure.js) measures it. */
export interface TextLeaf {
  text?: unknown;
  _textRef?: unknown;
  _inlines?: Record<string, unknown>[];
  _minWidth?: number;
  _maxWidth?: number;
}

/** The part of pdfmake 0.3's DocMeasure the memo below wraps. */
export interface DocMeasureClass {
  prototype: { measureLeaf(this: object, node: TextLeaf): TextLeaf };
}

interface Measured {
  text: unknown;
  inlines: Record<string, unknown>[];
  minWidth: number | undefined;
  maxWidth: number | undefined;
}

/** pdfmake's own DocMeasure class, the one its layout code constructs. */
export function pdfmakeDocMeasure(): DocMeasureClass {
  const require = createRequire(import.meta.url);
  return (require('pdfmake/js/DocMeasure') as { default: DocMeasureClass }).default;
}

/**
 * pdfmake lays a document out again from the start each time `pageBreakBefore` moves a node to
 * the next page (LayoutBuilder.layoutDocument), and measures every word again each time, some 25
 * style lookups and a width a word: the demo's notes take three or four passes, and measuring was
 * 70 % of their layout. A text node measures the same in every pass of one document (the same
 * text under the same styles, the same DocMeasure), but the layout uses its measure up: it shifts
 * the inlines off as it fills lines and splits a word too long for one. So each text node is
 * measured once per document and every later pass gets a fresh copy of that first measure: the
 * same inlines, so the same bytes (pdf-measure.test.ts lays out a document both ways).
 */
export function useMeasureOnce(cls: DocMeasureClass = pdfmakeDocMeasure()): void {
  const { measureLeaf } = cls.prototype;
  // per DocMeasure, which pdfmake makes afresh for each document and keeps for all its passes
  const first = new WeakMap<object, WeakMap<TextLeaf, Measured>>();
  cls.prototype.measureLeaf = function (this: object, node: TextLeaf): TextLeaf {
    // a page reference's text is filled in between passes: measured each time, as pdfmake does
    if (node._textRef) return measureLeaf.call(this, node);
    let known = first.get(this);
    if (!known) {
      known = new WeakMap();
      first.set(this, known);
    }
    const seen = known.get(node);
    if (seen && seen.text === node.text) {
      node._inlines = seen.inlines.map(copy);
      node._minWidth = seen.minWidth;
      node._maxWidth = seen.maxWidth;
      return node;
    }
    const measured = measureLeaf.call(this, node);
    known.set(node, { text: node.text, inlines: (node._inlines ?? []).map(copy), minWidth: node._minWidth, maxWidth: node._maxWidth });
    return measured;
  };
}

/** An inline as it was measured: the layout writes its position and may cut its text. */
const copy = (inline: Record<string, unknown>): Record<string, unknown> => ({ ...inline });
