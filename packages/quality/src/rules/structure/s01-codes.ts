import type { Observation, TableDef } from '@mch/core';
import { createPartnerResolver } from '@mch/core';
import { at, atTableYear } from '../../draft';
import { fmt, where } from '../../format';
import type { Draft, Rule, RuleContext } from '../../model';
import { pushTo, sourcesOf } from '../../values';

/**
 * MCH-S01: every code allowed in its table, and the year within the release's reference years.
 * Years before them (census stocks, back revisions) are a warning; years after them an error.
 */
export const S01: Rule = {
  id: 'MCH-S01',
  severity: 'error',
  defaults: {},
  check(ctx) {
    const drafts: Draft[] = [];
    const problemOf = codeChecker(ctx);
    const outside = new Map<string, Observation[]>();
    const years = ctx.input.config.reference_years;
    for (const slice of ctx.index.slices) {
      const off = !years.includes(slice.time_period);
      for (const o of slice.cells) {
        if (o.derived) continue;
        ctx.checked(o.ref_area);
        const problem = problemOf(o);
        if (problem) {
          const w = where(o);
          drafts.push({
            ...at(o),
            values: { value: o.obs_value },
            sources: sourcesOf([o]),
            message: `${w.en}: ${problem.en}`,
            message_ru: `${w.ru}: ${problem.ru}`,
          });
        }
        if (off) {
          const k = `${o.ref_area}|${o.table}|${o.time_period}`;
          pushTo(outside, k, o);
        }
      }
    }
    for (const cells of outside.values()) drafts.push(yearDraft(cells, Math.min(...years), Math.max(...years)));
    return drafts;
  },
};

function yearDraft(cells: Observation[], first: number, last: number): Draft {
  const o = cells[0]!;
  const after = o.time_period > last;
  const head = `${o.table} ${o.ref_area} ${o.time_period}`;
  const range = `${first}–${last}`;
  return {
    ...atTableYear(o, 'year'),
    values: { cells: cells.length, first_reference_year: first, last_reference_year: last },
    sources: sourcesOf(cells.slice(0, 20)),
    message: after
      ? `${head}: ${fmt(cells.length)} cells for a year after the release's reference years ${range}`
      : `${head}: ${fmt(cells.length)} cells for a year before the release's reference years ${range} (census stock or back revision)`,
    message_ru: after
      ? `${head}: ${fmt(cells.length)} ячеек за год после отчётных лет выпуска ${range}`
      : `${head}: ${fmt(cells.length)} ячеек за год до отчётных лет выпуска ${range} (перепись или пересмотр прошлых лет)`,
    severity: after ? 'error' : 'warning',
  };
}

type Problem = { en: string; ru: string } | undefined;

function codeChecker(ctx: RuleContext): (o: Observation) => Problem {
  const resolver = createPartnerResolver(ctx.input.codelists);
  const ages = new Set(ctx.input.codelists.age.map((a) => a.code));
  return (o) => {
    const table = ctx.index.tables.get(o.table);
    if (!table) return { en: `table ${o.table} is not in the table set`, ru: `таблицы ${o.table} нет в наборе таблиц` };
    if (table.has_migr_type !== (o.migr_type !== '')) {
      return table.has_migr_type
        ? { en: 'type of migration missing', ru: 'не указан тип миграции' }
        : { en: `type of migration ${o.migr_type} in a table without types`, ru: `тип миграции ${o.migr_type} в таблице без типов` };
    }
    return table.breakdown === 'AGE' ? ageProblem(o, ages) : partnerProblem(o, table, ctx, resolver.isKnownCode);
  };
}

function ageProblem(o: Observation, ages: Set<string>): Problem {
  if (o.partner !== '') return { en: `partner ${o.partner} in an age table`, ru: `страна ${o.partner} в таблице по возрасту` };
  if (!ages.has(o.age)) return { en: `age group ${o.age} is not in the code list`, ru: `возрастной группы ${o.age} нет в классификаторе` };
  return undefined;
}

function partnerProblem(o: Observation, table: TableDef, ctx: RuleContext, known: (code: string) => boolean): Problem {
  if (o.age !== '') return { en: `age group ${o.age} in a partner table`, ru: `возрастная группа ${o.age} в таблице по странам` };
  const sp = ctx.index.special.get(o.partner);
  if (!sp && !known(o.partner)) return { en: `partner code ${o.partner} is not known`, ru: `код страны ${o.partner} неизвестен` };
  if (sp?.allowed_in && !sp.allowed_in.includes(table.id)) {
    return {
      en: `${o.partner} (${sp.label_en}) is not allowed as ${(table.partner_role ?? 'partner').replace('_', ' ')} in ${table.id}`,
      ru: `${o.partner} (${sp.label_ru}) недопустим в ${table.id}`,
    };
  }
  return undefined;
}
