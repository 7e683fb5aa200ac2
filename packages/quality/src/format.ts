// Wording of messages for statisticians, in English and Russian.
import { roundedQuotient } from '@mch/core';

/** 5210 → "5 210"; fractions keep at most two decimals (1.25 → "1.25"). */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  const negative = n < 0;
  const abs = Math.abs(n);
  const rounded = Number.isInteger(abs) ? String(abs) : abs.toFixed(2).replace(/\.?0+$/, '');
  const [int = '', frac] = rounded.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export function pct(share: number): string {
  return `${fmt(Math.round(share * 1000) / 10)} %`;
}

/** part / whole as a percentage with one decimal, rounded once and half up from the counts (1 583 of 2 000: 79.2 %, where pct of the quotient says 79.1). */
export function pctOf(part: number, whole: number): string {
  return pct(roundedQuotient(part, whole, whole ? part / whole : 0, 3)!);
}

const TYPE_EN: Record<string, string> = { LT: 'long-term', ST: 'short-term', NAT: 'permanent residence (national definition)' };
const TYPE_RU: Record<string, string> = { LT: 'долгосрочные', ST: 'краткосрочные', NAT: 'на постоянное жительство (национальное определение)' };
const SEX_EN: Record<string, string> = { _T: 'total', M: 'men', F: 'women', _U: 'sex unknown' };
const SEX_RU: Record<string, string> = { _T: 'всего', M: 'мужчины', F: 'женщины', _U: 'пол не указан' };

export const sexEn = (s: string): string => SEX_EN[s] ?? s;
export const sexRu = (s: string): string => SEX_RU[s] ?? s;
export const typeEn = (t: string): string => TYPE_EN[t] ?? t;
export const typeRu = (t: string): string => TYPE_RU[t] ?? t;

export interface Where {
  ref_area: string;
  table: string;
  time_period: number | null;
  migr_type?: string;
  sex?: string;
  age?: string;
  partner?: string;
}

/** "T05 ARM 2012 long-term, women, partner KAZ" and its Russian twin. */
export function where(w: Where): { en: string; ru: string } {
  const head = [w.table, w.ref_area, w.time_period === null ? '' : String(w.time_period)].filter(Boolean).join(' ');
  const en = [head + (w.migr_type ? ` ${typeEn(w.migr_type)}` : '')];
  const ru = [head + (w.migr_type ? ` ${typeRu(w.migr_type)}` : '')];
  if (w.sex && w.sex !== '_T') {
    en.push(sexEn(w.sex));
    ru.push(sexRu(w.sex));
  }
  if (w.age && w.age !== '_T') {
    en.push(`age ${w.age}`);
    ru.push(`возраст ${w.age}`);
  }
  if (w.partner && w.partner !== '_T') {
    en.push(`partner ${w.partner}`);
    ru.push(`страна ${w.partner}`);
  }
  return { en: en.filter(Boolean).join(', '), ru: ru.filter(Boolean).join(', ') };
}

/** Russian noun form for a count: 1 замечание, 2 замечания, 5 замечаний (11–14 take the last). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  return units === 1 ? one : units >= 2 && units <= 4 ? few : many;
}
