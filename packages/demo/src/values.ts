import type { FlowType } from './profiles';

export type SexCode = '_T' | 'M' | 'F';
export type TypeCode = '' | FlowType;
export const SEXES: readonly SexCode[] = ['_T', 'M', 'F'];

/** One country's figures: key `table|year|type|sex|category` → persons. */
export type Values = Map<string, number>;

export function cellKey(table: string, year: number, type: TypeCode, sex: SexCode, category: string): string {
  return `${table}|${year}|${type}|${sex}|${category}`;
}

export function getValue(values: Values, table: string, year: number, type: TypeCode, sex: SexCode, category: string): number | undefined {
  return values.get(cellKey(table, year, type, sex, category));
}

/** Stores both sexes and men; women are the difference, so `_T = M + F` holds by construction. */
export function putCell(values: Values, table: string, year: number, type: TypeCode, category: string, total: number, men: number): void {
  values.set(cellKey(table, year, type, '_T', category), total);
  values.set(cellKey(table, year, type, 'M', category), men);
  values.set(cellKey(table, year, type, 'F', category), total - men);
}

export function parseKey(key: string): { table: string; year: number; type: TypeCode; sex: SexCode; category: string } {
  const [table, year, type, sex, category] = key.split('|');
  return { table: table!, year: Number(year), type: type as TypeCode, sex: sex as SexCode, category: category! };
}
