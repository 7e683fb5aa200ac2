import { splitYearOnly, yearOf } from '../cells/codes';
import { type Grid, textAt } from './grid';

/** Which columns left of the values hold what. */
export interface CategoryColumns {
  code?: number;
  label?: number;
  lineNumber?: number;
  /** years down the rows: a column holding the year of each row */
  year?: number;
}

const LINE_HEADER = /^(?:№|no\.?|n°|#|№\s*п\s*\/\s*п|n\s*п\s*\/\s*п|№ строки|line|line no\.?)$/iu;
const CODE_LIKE = /^(?:[A-Z]{2,3}|\d{1,3}|_T|_U|TOTAL|Y[\w-]+|[A-Z]{3,5}\d{0,2})$/u;

/**
 * Tells the line-number, code and label columns apart by their content: a line-number column
 * counts 1, 2, 3 … (or is headed «№ п/п»); of two remaining columns the more code-like one is the
 * code column.
 */
export function detectCategoryColumns(g: Grid, headerRows: number[], dataRows: number[], firstValueCol: number, yearsInRows: boolean): CategoryColumns {
  // one pass over the rows' own cells: a value area far to the right costs what the rows hold
  const values = new Map<number, string[]>();
  for (const r of dataRows) {
    for (const [col, cell] of g.rows.get(r) ?? []) {
      const t = col < firstValueCol ? cell.text.trim() : '';
      if (!t) continue;
      const list = values.get(col);
      if (list) list.push(t);
      else values.set(col, [t]);
    }
  }
  const used = [...values.keys()].sort((a, b) => a - b);
  const vals = (col: number) => values.get(col) ?? [];
  const out: CategoryColumns = {};
  let rest = used;
  if (yearsInRows) {
    // a split year ("2012/13") is in the year column too, so that its row's figures are refused naming it
    const yc = rest.find((col) => vals(col).every((v) => yearOf(v) !== undefined || splitYearOnly(v) !== undefined));
    if (yc !== undefined) {
      out.year = yc;
      rest = rest.filter((c) => c !== yc);
    }
  }
  const line = rest.find((col) => rest.length > 1 && (headerRows.some((r) => LINE_HEADER.test(textAt(g, r, col))) || countsRows(vals(col))));
  if (line !== undefined) {
    out.lineNumber = line;
    rest = rest.filter((c) => c !== line);
  }
  if (rest.length === 1) out.label = rest[0];
  else if (rest.length >= 2) {
    const [a, b] = rest.slice(-2) as [number, number];
    const aCode = codeShare(vals(a));
    const bCode = codeShare(vals(b));
    out.code = aCode >= bCode ? a : b;
    out.label = aCode >= bCode ? b : a;
  }
  return out;
}

function countsRows(vals: string[]): boolean {
  const nums = vals.filter((v) => /^\d{1,5}\.?$/u.test(v)).map((v) => Number.parseInt(v, 10));
  // block rows may write their title in this column; numbering may restart in each block
  if (nums.length < 2 || nums.length * 2 < vals.length) return false;
  return nums[0] === 1 && nums.some((n) => n > 1) && nums.every((n, i) => n === 1 || n === (nums[i - 1] ?? 0) + 1);
}

function codeShare(vals: string[]): number {
  return vals.length ? vals.filter((v) => CODE_LIKE.test(v)).length / vals.length : 0;
}
