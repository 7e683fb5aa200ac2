/** How countries write partner names: English and Russian names, alpha-2 and M49 codes. */
export const PARTNER_NAMES: Record<string, { en: string; ru: string; a2: string; m49: string }> = {
  ARM: { en: 'Armenia', ru: 'Армения', a2: 'AM', m49: '051' },
  AZE: { en: 'Azerbaijan', ru: 'Азербайджан', a2: 'AZ', m49: '031' },
  BLR: { en: 'Belarus', ru: 'Беларусь', a2: 'BY', m49: '112' },
  GEO: { en: 'Georgia', ru: 'Грузия', a2: 'GE', m49: '268' },
  KAZ: { en: 'Kazakhstan', ru: 'Казахстан', a2: 'KZ', m49: '398' },
  KGZ: { en: 'Kyrgyzstan', ru: 'Кыргызстан', a2: 'KG', m49: '417' },
  MDA: { en: 'Republic of Moldova', ru: 'Республика Молдова', a2: 'MD', m49: '498' },
  RUS: { en: 'Russian Federation', ru: 'Российская Федерация', a2: 'RU', m49: '643' },
  TJK: { en: 'Tajikistan', ru: 'Таджикистан', a2: 'TJ', m49: '762' },
  TKM: { en: 'Turkmenistan', ru: 'Туркменистан', a2: 'TM', m49: '795' },
  UKR: { en: 'Ukraine', ru: 'Украина', a2: 'UA', m49: '804' },
  UZB: { en: 'Uzbekistan', ru: 'Узбекистан', a2: 'UZ', m49: '860' },
  EST: { en: 'Estonia', ru: 'Эстония', a2: 'EE', m49: '233' },
  LVA: { en: 'Latvia', ru: 'Латвия', a2: 'LV', m49: '428' },
  LTU: { en: 'Lithuania', ru: 'Литва', a2: 'LT', m49: '440' },
  DEU: { en: 'Germany', ru: 'Германия', a2: 'DE', m49: '276' },
  ISR: { en: 'Israel', ru: 'Израиль', a2: 'IL', m49: '376' },
  USA: { en: 'United States', ru: 'США', a2: 'US', m49: '840' },
  POL: { en: 'Poland', ru: 'Польша', a2: 'PL', m49: '616' },
  TUR: { en: 'Türkiye', ru: 'Турция', a2: 'TR', m49: '792' },
  CHN: { en: 'China', ru: 'КНР', a2: 'CN', m49: '156' },
  KOR: { en: 'Republic of Korea', ru: 'Республика Корея', a2: 'KR', m49: '410' },
  ITA: { en: 'Italy', ru: 'Италия', a2: 'IT', m49: '380' },
  CZE: { en: 'Czechia', ru: 'Чехия', a2: 'CZ', m49: '203' },
  GRC: { en: 'Greece', ru: 'Греция', a2: 'GR', m49: '300' },
  FRA: { en: 'France', ru: 'Франция', a2: 'FR', m49: '250' },
  IRN: { en: 'Iran', ru: 'Иран', a2: 'IR', m49: '364' },
  SYR: { en: 'Syrian Arab Republic', ru: 'Сирия', a2: 'SY', m49: '760' },
  GBR: { en: 'United Kingdom', ru: 'Великобритания', a2: 'GB', m49: '826' },
  LBN: { en: 'Lebanon', ru: 'Ливан', a2: 'LB', m49: '422' },
  CAN: { en: 'Canada', ru: 'Канада', a2: 'CA', m49: '124' },
  MNG: { en: 'Mongolia', ru: 'Монголия', a2: 'MN', m49: '496' },
  AFG: { en: 'Afghanistan', ru: 'Афганистан', a2: 'AF', m49: '004' },
  ROU: { en: 'Romania', ru: 'Румыния', a2: 'RO', m49: '642' },
  ESP: { en: 'Spain', ru: 'Испания', a2: 'ES', m49: '724' },
  PRT: { en: 'Portugal', ru: 'Португалия', a2: 'PT', m49: '620' },
  VNM: { en: 'Viet Nam', ru: 'Вьетнам', a2: 'VN', m49: '704' },
  IND: { en: 'India', ru: 'Индия', a2: 'IN', m49: '356' },
  HUN: { en: 'Hungary', ru: 'Венгрия', a2: 'HU', m49: '348' },
  SVK: { en: 'Slovakia', ru: 'Словакия', a2: 'SK', m49: '703' },
  SUN: { en: 'USSR', ru: 'СССР', a2: '', m49: '' },
  OTH: { en: 'Other countries', ru: 'Прочие страны', a2: '', m49: '' },
  UNK: { en: 'Unknown', ru: 'Не указано', a2: '', m49: '' },
  STLS: { en: 'Stateless', ru: 'Лица без гражданства', a2: '', m49: '' },
  CIS: { en: 'CIS countries', ru: 'Страны СНГ', a2: '', m49: '' },
  FAR: { en: 'Far abroad', ru: 'Дальнее зарубежье', a2: '', m49: '' },
  _T: { en: 'Total', ru: 'Всего', a2: '', m49: '' },
};

/** Age labels as in the code list (label_en, label_ru). */
export const AGE_NAMES: Record<string, { en: string; ru: string }> = {
  _T: { en: 'Total', ru: 'Всего' },
  Y_LT5: { en: 'Under 5', ru: 'до 5 лет' },
  Y_GE70: { en: '70 and over', ru: '70 и старше' },
  Y_GE75: { en: '75 and over', ru: '75 и старше' },
  Y_LT15: { en: 'Under 15', ru: 'до 15 лет' },
  Y_GE65: { en: '65 and over', ru: '65 и старше' },
  _U: { en: 'Age unknown', ru: 'Возраст не указан' },
};

export function ageName(code: string, lang: 'en' | 'ru'): string {
  return AGE_NAMES[code]?.[lang] ?? code.replace(/^Y/, '');
}

export const TYPE_BLOCK_NAMES: Record<string, { en: string; ru: string }> = {
  LT: { en: 'Long-term migrants (12 months or more)', ru: 'Долгосрочные мигранты (12 месяцев и более)' },
  ST: { en: 'Short-term migrants (3 to 12 months)', ru: 'Краткосрочные мигранты (от 3 до 12 месяцев)' },
  NAT: { en: 'Migrants for permanent residence', ru: 'Мигранты на постоянное жительство' },
};
