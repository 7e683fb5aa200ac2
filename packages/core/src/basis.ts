import type { DefinitionBasis, MigrType } from './codes';

/** What a definition basis means, in the words of definitions.md, for every published label and glossary. */
export interface BasisLabel {
  code: DefinitionBasis;
  /** short label for a table row: "registration for permanent residence" */
  short_en: string;
  short_ru: string;
  /** the glossary sentence */
  meaning_en: string;
  meaning_ru: string;
}

export const BASIS_LABELS: readonly BasisLabel[] = [
  {
    code: 'UN_LT12',
    short_en: 'UN long-term definition (12 months or more)',
    short_ru: 'определение ООН, долгосрочные (12 месяцев и более)',
    meaning_en: 'UN definition of a long-term migrant: a change of country of usual residence for at least 12 months.',
    meaning_ru: 'Определение долгосрочного мигранта ООН: смена страны обычного проживания не менее чем на 12 месяцев.',
  },
  {
    code: 'UN_ST3_12',
    short_en: 'UN short-term definition (3 to 12 months)',
    short_ru: 'определение ООН, краткосрочные (от 3 до 12 месяцев)',
    meaning_en: 'UN definition of a short-term migrant: a stay of at least 3 but less than 12 months, except for recreation, holiday, visits, business, medical treatment or pilgrimage.',
    meaning_ru: 'Определение краткосрочного мигранта ООН: пребывание от 3 до 12 месяцев, кроме отдыха, отпуска, посещения родственников и друзей, деловых поездок, лечения и паломничества.',
  },
  {
    code: 'REG_LT12',
    short_en: 'register, residence of 12 months or more',
    short_ru: 'регистр, проживание 12 месяцев и более',
    meaning_en: 'Population register: residence intended or lasting 12 months or more.',
    meaning_ru: 'Регистр населения: проживание, предполагаемое или фактическое, 12 месяцев и более.',
  },
  {
    code: 'PERM_REG',
    short_en: 'registration for permanent residence',
    short_ru: 'регистрация по месту жительства',
    meaning_en: 'Registration for permanent residence (the register of most CIS countries); temporary stays are not counted, whatever their length.',
    meaning_ru: 'Регистрация по месту жительства (регистр большинства стран СНГ); временное пребывание не учитывается, независимо от его продолжительности.',
  },
  {
    code: 'STAY_REG_9M',
    short_en: 'registration for permanent residence or at the place of stay for 9 months or more',
    short_ru: 'регистрация по месту жительства или по месту пребывания на срок 9 месяцев и более',
    meaning_en: 'Registration for permanent residence, plus registration at the place of stay for 9 months or more, with departure recorded automatically when that registration expires.',
    meaning_ru: 'Регистрация по месту жительства, а также по месту пребывания на срок 9 месяцев и более, с автоматическим учётом выбытия по истечении срока регистрации.',
  },
  {
    code: 'BORDER',
    short_en: 'border-crossing data with a duration rule',
    short_ru: 'данные пограничного контроля с критерием продолжительности',
    meaning_en: 'Border-crossing records: a person is counted as a migrant by the length of stay or absence between crossings, as the country states it.',
    meaning_ru: 'Данные о пересечении границы: лицо учитывается как мигрант по продолжительности пребывания или отсутствия между пересечениями границы, как указывает страна.',
  },
  {
    code: 'CENSUS',
    short_en: 'population census',
    short_ru: 'перепись населения',
    meaning_en: 'Stocks counted by a population census, on its census day.',
    meaning_ru: 'Численность по данным переписи населения на дату переписи.',
  },
  {
    code: 'REGISTER_STOCK',
    short_en: 'population register or estimate',
    short_ru: 'регистр населения или оценка',
    meaning_en: 'Stocks from a population register or a population estimate.',
    meaning_ru: 'Численность по данным регистра населения или текущей оценки.',
  },
  {
    code: 'OTHER',
    short_en: 'other national definition',
    short_ru: 'иное национальное определение',
    meaning_en: 'Another national definition, described in the country notes.',
    meaning_ru: 'Иное национальное определение, описанное в примечаниях по стране.',
  },
];

const BY_CODE = new Map(BASIS_LABELS.map((b) => [b.code, b]));

export function basisLabel(code: DefinitionBasis): BasisLabel {
  return BY_CODE.get(code)!;
}

/**
 * The basis a row of this migration type is published on when the configured basis belongs to
 * another type: a short-term row of a country whose flows are UN long-term is UN short-term
 * (definitions.md: one basis per type). Null when the configured basis already agrees.
 */
export function basisForMigrType(configured: DefinitionBasis, migrType: MigrType | ''): DefinitionBasis | null {
  if (migrType === '') return null;
  const typeOf: Record<DefinitionBasis, MigrType | undefined> = {
    UN_LT12: 'LT',
    REG_LT12: 'LT',
    UN_ST3_12: 'ST',
    PERM_REG: 'NAT',
    STAY_REG_9M: 'NAT',
    BORDER: 'NAT',
    OTHER: 'NAT',
    CENSUS: undefined,
    REGISTER_STOCK: undefined,
  };
  const own = typeOf[configured];
  if (own === undefined || own === migrType) return null;
  if (migrType === 'ST') return 'UN_ST3_12';
  if (migrType === 'LT') return 'UN_LT12';
  return 'OTHER';
}
