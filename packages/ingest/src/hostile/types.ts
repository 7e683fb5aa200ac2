import type { RejectionReason } from '@mch/core';

/** The kinds of bad input of scale-and-safety.md "Bad input", and the findings of issue 12, one family each. */
export const CATEGORIES = [
  'valid',
  'not-a-workbook',
  'renamed',
  'zip-truncated',
  'zip-corrupted',
  'zip-bomb',
  'xml-broken',
  'xml-hostile',
  'relationships',
  'cell-xml',
  'merged-cells',
  'header',
  'encrypted',
  'ole',
  'million-rows',
  'no-questionnaire',
  'injection',
  'xls-mutation',
  'csv-delimiters',
  'csv-quotes',
  'csv-line-ends',
  'csv-nul',
  'csv-encoding',
  'csv-huge-field',
  'csv-size',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** What ingest must do with a file: the oracle the corpus test holds it to. */
export type Expect =
  /** refused whole (MchError file-unreadable), the message naming the file and, where given, this place */
  | { outcome: 'refused'; place?: string }
  /** read: exactly this many value cells (every one an observation or a rejection), with at least these rejections */
  | { outcome: 'read'; valueCells: number; rejections?: number; reasons?: RejectionReason[]; warning?: string }
  /** a damaged copy of `base`: refused, or read exactly as the base (a zip part's checksum catches changed content) */
  | { outcome: 'refused-or-same'; base: string }
  /** a damaged .xls: refused, or read with the base's value cells (BIFF has no checksum: a value may change, none may vanish) */
  | { outcome: 'refused-or-count'; base: string };

export interface HostileFile {
  /** unique in the corpus, with the extension a country would send it with */
  name: string;
  category: Category;
  /** what is wrong with it, in a few words */
  what: string;
  bytes: () => Uint8Array;
  expect: Expect;
  /** bombs and very large files: run in a child process with a 2 GB heap and a timeout */
  heavy?: boolean;
  /** converted by LibreOffice: seconds each, so few of them in CI */
  soffice?: boolean;
  /** the reporting country it is read for (ARM unless said) */
  country?: string;
}

/** Seeded choices (mulberry32 from core), so the same seed gives the same corpus on every machine. */
export interface Rand {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function rand(next: () => number): Rand {
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
