import { describe, expect, it } from 'vitest';
import { createPartnerResolver } from './partners';
import { loadShippedCodeLists } from './testing';

const resolver = createPartnerResolver(loadShippedCodeLists());
const code = (label: string) => {
  const m = resolver.resolve(label);
  return m.kind === 'code' ? m.code : m.kind;
};

describe('partner resolver', () => {
  it.each([
    ['KGZ', 'KGZ'],
    ['KG', 'KGZ'],
    ['417', 'KGZ'],
    ['051', 'ARM'],
    ['51', 'ARM'],
    ['Kyrgyzstan', 'KGZ'],
    ['Киргизия', 'KGZ'],
    ['Кыргызская Республика', 'KGZ'],
    ['Kirghizia', 'KGZ'],
    ['Молдавия', 'MDA'],
    ['Республика Молдова', 'MDA'],
    ['Moldavia', 'MDA'],
    ['Белоруссия', 'BLR'],
    ['Byelorussia', 'BLR'],
    ['Туркмения', 'TKM'],
    ['США', 'USA'],
    ['Великобритания', 'GBR'],
    ['USSR', 'SUN'],
    ['СССР', 'SUN'],
    ['страны СНГ', 'CIS'],
    ['дальнее зарубежье', 'FAR'],
    ['Страны Балтии', 'BALT'],
    ['Прочие страны', 'OTH'],
    ['Итого', '_T'],
    ['TOTAL', '_T'],
    ['Китай', 'CHN'],
    ['КНР', 'CHN'],
    ['КНДР', 'PRK'],
  ])('maps %s to %s', (label, expected) => {
    expect(code(label)).toBe(expected);
  });

  // tables.md: the reporting countries and the standard partner rows, in English and Russian
  it.each([
    ['ARM', 'Armenia', 'Армения'],
    ['AZE', 'Azerbaijan', 'Азербайджан'],
    ['BLR', 'Belarus', 'Беларусь'],
    ['GEO', 'Georgia', 'Грузия'],
    ['KAZ', 'Kazakhstan', 'Казахстан'],
    ['KGZ', 'Kyrgyzstan', 'Кыргызстан'],
    ['MDA', 'Republic of Moldova', 'Республика Молдова'],
    ['RUS', 'Russian Federation', 'Российская Федерация'],
    ['TJK', 'Tajikistan', 'Таджикистан'],
    ['TKM', 'Turkmenistan', 'Туркменистан'],
    ['UKR', 'Ukraine', 'Украина'],
    ['UZB', 'Uzbekistan', 'Узбекистан'],
    ['EST', 'Estonia', 'Эстония'],
    ['LVA', 'Latvia', 'Латвия'],
    ['LTU', 'Lithuania', 'Литва'],
    ['DEU', 'Germany', 'Германия'],
    ['ISR', 'Israel', 'Израиль'],
    ['USA', 'United States', 'Соединенные Штаты Америки'],
    ['POL', 'Poland', 'Польша'],
    ['TUR', 'Türkiye', 'Турция'],
    ['CHN', 'China', 'Китай'],
    ['KOR', 'Republic of Korea', 'Республика Корея'],
    ['ITA', 'Italy', 'Италия'],
    ['CZE', 'Czechia', 'Чехия'],
    ['GRC', 'Greece', 'Греция'],
    ['OTH', 'Other countries', 'Другие страны'],
    ['UNK', 'Unknown', 'Неизвестно'],
    ['STLS', 'Stateless', 'Лица без гражданства'],
    ['_T', 'Total', 'Всего'],
    ['SUN', 'USSR', 'СССР'],
    ['CIS', 'CIS countries', 'Страны СНГ'],
    ['FAR', 'Far abroad', 'Страны вне СНГ'],
    ['BALT', 'Baltic states', 'Страны Балтии'],
    ['XKX', 'Kosovo', 'Косово'],
    ['XAB', 'Abkhazia', 'Абхазия'],
    ['XSO', 'South Ossetia', 'Южная Осетия'],
  ])('maps %s from its English name %s and its Russian name %s', (expected, en, ru) => {
    expect(code(en)).toBe(expected);
    expect(code(ru)).toBe(expected);
  });

  // definitions.md and submissions.md: Soviet-era, colloquial and official long names
  it.each([
    ['Kirghizia', 'KGZ'],
    ['Byelorussia', 'BLR'],
    ['Белорусская ССР', 'BLR'],
    ['Туркмения', 'TKM'],
    ['Великобритания', 'GBR'],
    ['Соединенное Королевство', 'GBR'],
    ['Кыргызская Республика', 'KGZ'],
    ['Republic of Korea', 'KOR'],
    ['Turkey', 'TUR'],
    ['Czech Republic', 'CZE'],
    ['прочие страны', 'OTH'],
    ['другие страны', 'OTH'],
    ['страны вне СНГ', 'FAR'],
    ['Soviet Union', 'SUN'],
    ['Югославия', 'YUG'],
    ['Чехословакия', 'CSK'],
    ['бывший СССР', 'SUN'],
    ['former USSR', 'SUN'],
    ['Viet Nam', 'VNM'],
    ['Syria', 'SYR'],
    ['Republic of Belarus', 'BLR'],
    ['Macedonia', 'MKD'],
    ['Tadjikistan', 'TJK'],
    ['Киргизстан', 'KGZ'],
    ['Узбекская ССР', 'UZB'],
    ['РСФСР', 'RUS'],
    ['Tajik SSR', 'TJK'],
    ['Byelorussian SSR', 'BLR'],
    ['Литовская ССР', 'LTU'],
  ])('maps the variant %s to %s', (label, expected) => {
    expect(code(label)).toBe(expected);
  });

  it('ignores case, spacing, NBSP, punctuation and trailing footnote markers', () => {
    expect(code('  germany ')).toBe('DEU');
    expect(code('Германия¹')).toBe('DEU');
    expect(code('Israel 1)')).toBe('ISR');
    expect(code('Russian\u00a0Federation')).toBe('RUS');
    expect(code('Poland [2]')).toBe('POL');
  });

  it('reads Latin look-alike letters inside a Cyrillic name and the reverse', () => {
    expect(code('Kаzakhstan')).toBe('KAZ'); // Cyrillic а
    expect(code('Гeрмания')).toBe('DEU'); // Latin e
  });

  it('reads Kosovo under the Clearing House code XKX however it is written, the library code XKK too', () => {
    for (const label of ['XKX', 'XKK', 'XK', 'Kosovo', 'Косово']) expect(code(label), label).toBe('XKX');
    expect(resolver.isKnownCode('XKX')).toBe(true);
    expect(resolver.isKnownCode('XKK')).toBe(false);
  });

  it('refuses an ambiguous label with its candidates instead of guessing', () => {
    expect(resolver.resolve('Корея')).toEqual({ kind: 'ambiguous', candidates: ['KOR', 'PRK'] });
  });

  it('suggests the closest codes for a label it cannot map', () => {
    const m = resolver.resolve('Kazahkstan');
    expect(m.kind).toBe('unmapped');
    expect(m.kind === 'unmapped' && m.suggestions[0]).toBe('KAZ');
  });

  it('resolves a label once: the same answer, and the same closest codes, for every row that repeats it', () => {
    const first = resolver.resolve('Uzbekstan');
    const again = resolver.resolve('Uzbekstan');
    expect(again).toBe(first);
    expect(first.kind === 'unmapped' && first.suggestions[0]).toBe('UZB');
    expect(again.kind === 'unmapped' && again.suggestions).toBe(first.kind === 'unmapped' && first.suggestions);
  });

  it('names the reporting countries by their official UN names in both languages', () => {
    expect(resolver.names('KGZ')).toEqual({ en: 'Kyrgyzstan', ru: 'Кыргызстан' });
    expect(resolver.names('MDA')).toEqual({ en: 'Republic of Moldova', ru: 'Республика Молдова' });
    expect(resolver.names('DEU').ru).toBe('Германия');
  });

  it('lets a country configuration add an alias', () => {
    const withAlias = createPartnerResolver(loadShippedCodeLists(), { 'Нагорный Карабах': 'AZE' });
    expect(withAlias.resolve('Нагорный Карабах')).toEqual({ kind: 'code', code: 'AZE' });
    expect(resolver.resolve('Нагорный Карабах').kind).toBe('unmapped');
  });
});
