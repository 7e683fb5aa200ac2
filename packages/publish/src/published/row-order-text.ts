import type { CodeLists, TableDef } from '@mch/core';

/**
 * The cover's sentence on row order, true for this table: which residual rows it can have,
 * where the total is, and that aggregates after the total overlap the rows above.
 */
export function rowOrderText(table: TableDef, codelists: CodeLists): { en: string; ru: string } {
  if (table.breakdown === 'AGE') {
    return {
      en: 'Rows are the age groups the country reported, then "age unknown" and the total. Groups that overlap them (broad groups, open-ended groups derived by the Clearing House) come after the total and must not be added to the rows above. Values the Clearing House derived from the reported parts are marked [d].',
      ru: 'Строки — возрастные группы, представленные страной, затем «возраст не указан» и итог. Группы, пересекающиеся с ними (укрупнённые группы, открытые группы, рассчитанные Информационным центром), приводятся после итога и не должны суммироваться со строками выше. Значения, рассчитанные Информационным центром из представленных данных, отмечены [d].',
    };
  }
  const allowed = (code: string) => {
    const p = codelists.special_partners.find((x) => x.code === code);
    return p !== undefined && (!p.allowed_in || p.allowed_in.includes(table.id));
  };
  const residuals = ['OTH', 'UNK', 'STLS'].filter(allowed);
  const labels = (lang: 'en' | 'ru') =>
    residuals.map((c) => {
      const p = codelists.special_partners.find((x) => x.code === c)!;
      return lang === 'en' ? `"${p.label_en}"` : `«${p.label_ru}»`;
    });
  const former = ['SUN', 'YUG', 'CSK'].some(allowed);
  return {
    en: `Rows follow the questionnaire: the Clearing House countries and the other partner countries, ${former ? 'then the former states not elsewhere specified, ' : ''}then ${labels('en').join(', ')}, then the total. Aggregates (such as CIS countries, far abroad, Baltic states, the Clearing House countries, the former USSR) come after the total: they overlap the rows above and must not be added to them. Values the Clearing House derived from the reported parts are marked [d].`,
    ru: `Строки следуют вопроснику: страны Информационного центра и другие страны-партнёры, ${former ? 'затем бывшие государства без уточнения, ' : ''}затем ${labels('ru').join(', ')}, затем итог. Агрегаты (страны СНГ, дальнее зарубежье, страны Балтии, страны Информационного центра, бывший СССР) приводятся после итога: они пересекаются со строками выше и не должны с ними суммироваться. Значения, рассчитанные Информационным центром из представленных данных, отмечены [d].`,
  };
}
