/**
 * The keyword level of a PX file, shared by the writer and the reader: one entry per
 * `KEYWORD[lang]("subkey",…)=value;` statement.
 */
export interface PxEntry {
  keyword: string;
  /** language code of a `[xx]` variant; null for the default language */
  lang: string | null;
  subkeys: string[];
  items: PxItem[];
  /** 1-based line where the statement starts (0 for entries built in memory) */
  line: number;
}

/** One comma-separated item of a value. */
export type PxItem =
  | { kind: 'text'; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'tlist'; unit: string; range: [string, string] | null }
  | { kind: 'pair'; parent: string; child: string }
  | { kind: 'data'; cells: PxCell[]; rowLength?: number };

/** A DATA cell: a number, or one of the dot codes `.` … `......` or `-` (nil). */
export type PxCell = { kind: 'number'; value: number } | { kind: 'symbol'; symbol: string };

export const DOT_CODES = ['.', '..', '...', '....', '.....', '......', '-'] as const;

/** Longest line the PX specification allows, counted in UTF-8 bytes (the stricter reading). */
export const MAX_LINE = 256;

export const text = (t: string): PxItem => ({ kind: 'text', text: t });
export const word = (t: string): PxItem => ({ kind: 'word', text: t });

export function entry(keyword: string, items: PxItem[], options: { lang?: string | null; subkeys?: string[] } = {}): PxEntry {
  return { keyword, lang: options.lang ?? null, subkeys: options.subkeys ?? [], items, line: 0 };
}
