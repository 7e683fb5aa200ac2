import type { Bilingual } from './scope';

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
