import { type CodeLists, type MigrType, type PartnerResolver, type Sex, type TableDef, createPartnerResolver } from '@mch/core';
import type { TemplateOptions } from './options';

/** One row of a table sheet: a migration-type block title, or a category with its code. */
export type TemplateRow = { kind: 'block'; migr: MigrType; label: string } | { kind: 'category'; migr: MigrType | ''; code: string; label: string };

export const SEXES: readonly { code: Sex; label: string }[] = [
  { code: '_T', label: 'Total / Всего' },
  { code: 'M', label: 'Men / Мужчины' },
  { code: 'F', label: 'Women / Женщины' },
];

/** First data column (A = code, B = label) and first data row (titles, unit, blank, two header rows above). */
export const FIRST_VALUE_COL = 3;
export const HEADER_ROW = 5;
export const FIRST_DATA_ROW = HEADER_ROW + 2;

/** The rows of one table: standard partner rows (or age rows), inside one block per migration type for flow tables. */
export function tableRows(table: TableDef, opt: TemplateOptions, partners: PartnerResolver = createPartnerResolver(opt.codelists, opt.aliases)): TemplateRow[] {
  const extra = valueCodes(table, opt);
  const categories = table.breakdown === 'AGE' ? ageRows(opt.codelists, extra) : partnerRows(table, opt, partners, extra);
  if (!table.has_migr_type) return categories.map((c) => ({ kind: 'category', migr: '', ...c }));
  return opt.codelists.migr_type.flatMap((t): TemplateRow[] => [
    { kind: 'block', migr: t.code as MigrType, label: `${t.label_en} / ${t.label_ru}` },
    ...categories.map((c) => ({ kind: 'category' as const, migr: t.code as MigrType, ...c })),
  ]);
}

/**
 * The partner or age codes the values to prefill hold for this table and the chosen years: every
 * one gets a row, so no published value is left without a cell.
 */
function valueCodes(table: TableDef, opt: TemplateOptions): Set<string> {
  const years = new Set(opt.years);
  const dim = table.breakdown === 'AGE' ? 'age' : 'partner';
  const mine = (opt.values ?? []).filter((o) => o.ref_area === opt.country && o.table === table.id && !o.derived && years.has(o.time_period));
  return new Set(mine.map((o) => o[dim]).filter((c) => c !== ''));
}

/**
 * The standard rows, and the partners of the values outside them in code order after the standard
 * country rows, before the residual rows ("Other countries", unknown, stateless) and the total.
 */
function partnerRows(table: TableDef, opt: TemplateOptions, partners: PartnerResolver, extra: ReadonlySet<string>): { code: string; label: string }[] {
  const standard = opt.codelists.standard_partner_rows;
  const added = [...extra].filter((code) => !standard.includes(code)).sort();
  const tail = standard.findIndex((code) => RESIDUAL_ROWS.includes(code));
  const cut = tail < 0 ? standard.length : tail;
  return [...standard.slice(0, cut), ...added, ...standard.slice(cut)]
    .filter((code) => code !== opt.country || table.own_country_allowed)
    .filter((code) => {
      const special = opt.codelists.special_partners.find((s) => s.code === code);
      return !special?.allowed_in || special.allowed_in.includes(table.id);
    })
    .map((code) => {
      const n = partners.names(code);
      return { code, label: `${n.en} / ${n.ru}` };
    });
}

/** The rows that close the standard list: the residuals and the total. */
const RESIDUAL_ROWS: readonly string[] = ['OTH', 'UNK', 'STLS', '_T'];

/** Total, the five-year groups to 85+ (the partition the code lists name first), unknown age, and the age groups of the values, in code-list order. */
function ageRows(codelists: CodeLists, extra: ReadonlySet<string>): { code: string; label: string }[] {
  const groups = Object.values(codelists.age_partitions)[0] ?? [];
  const wanted = new Set(['_T', ...groups, '_U', ...extra]);
  const codes = codelists.age.map((a) => a.code).filter((code) => wanted.has(code));
  return codes.flatMap((code) => {
    const a = codelists.age.find((x) => x.code === code);
    return a ? [{ code, label: a.label_en === a.label_ru ? a.label_en : `${a.label_en} / ${a.label_ru}` }] : [];
  });
}
