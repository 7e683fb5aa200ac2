import type { Bilingual } from './scope';
import type { PublishedTable } from './types';

/**
 * Words every format of a release uses alike, in one place: what the partner is in a table
 * (tables.yaml `partner_role`) and the source kinds a Metadata sheet names.
 */
const PARTNER_ROLES: Readonly<Record<string, Bilingual>> = {
  birth: { en: 'Country of birth', ru: 'Страна рождения' },
  citizenship: { en: 'Citizenship', ru: 'Гражданство' },
  previous_residence: { en: 'Country of previous residence', ru: 'Страна предыдущего проживания' },
  next_residence: { en: 'Country of next residence', ru: 'Страна следующего проживания' },
  previous_citizenship: { en: 'Previous citizenship', ru: 'Прежнее гражданство' },
};

export function partnerRoleName(role: string | undefined): Bilingual {
  return (role && PARTNER_ROLES[role]) || { en: 'Partner country', ru: 'Страна-партнёр' };
}

/** The source kinds a country's Metadata sheet names ("register"), in both languages where known. */
const SOURCE_KINDS: Readonly<Record<string, Bilingual>> = {
  register: { en: 'register', ru: 'регистр' },
  'population register': { en: 'population register', ru: 'регистр населения' },
  'border crossings': { en: 'border crossings', ru: 'пограничный контроль' },
  census: { en: 'census', ru: 'перепись' },
  survey: { en: 'survey', ru: 'обследование' },
  estimate: { en: 'estimate', ru: 'оценка' },
  регистр: { en: 'register', ru: 'регистр' },
  перепись: { en: 'census', ru: 'перепись' },
};

/** A source kind in both languages; one the list does not know is given as written, in both. */
export function sourceKindText(kind: string): Bilingual {
  const text = kind.trim();
  return SOURCE_KINDS[text.toLowerCase()] ?? { en: text, ru: text };
}

/**
 * When a table's figures count persons (tables.md, "Reference dates"), for every format's line on
 * what its figures are: flows over the calendar year; stocks on 1 January of the year shown (a
 * stock reported at 31 December is already moved there, with its country's note), and a census
 * count, at its census date in the census year, where the table holds one.
 */
export function figuresDate(published: Pick<PublishedTable, 'table' | 'meta'>): Bilingual {
  if (published.table.kind === 'flow') return { en: 'over the calendar year shown', ru: 'за указанный календарный год' };
  return published.meta.some((m) => m.bases.some((b) => b.codes.includes('CENSUS')))
    ? { en: 'on 1 January of the year shown; a census count (CENSUS), on its census day in the census year', ru: 'на 1 января указанного года; данные переписи (CENSUS) — на дату переписи в году переписи' }
    : { en: 'on 1 January of the year shown', ru: 'на 1 января указанного года' };
}

/** "Figures are numbers of persons on 1 January of the year shown.": what a table's figures count, and when. */
export function figuresText(published: Pick<PublishedTable, 'table' | 'meta'>): Bilingual {
  const when = figuresDate(published);
  return { en: `Figures are numbers of persons ${when.en}.`, ru: `Данные — число человек ${when.ru}.` };
}

/** The kinds of source a text names, by the stems of both languages ("border-crossing records" → border). */
const SOURCE_STEMS: readonly [string, RegExp][] = [
  ['register', /regist|регистр/iu],
  ['border', /border|погранич/iu],
  ['census', /census|перепис/iu],
  ['survey', /survey|обследован/iu],
  ['estimate', /estimat|оценк/iu],
];

export function sourceKindsIn(text: string): Set<string> {
  return new Set(SOURCE_STEMS.filter(([, stem]) => stem.test(text)).map(([kind]) => kind));
}
