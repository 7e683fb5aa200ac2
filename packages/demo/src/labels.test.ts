import { createPartnerResolver, normaliseLabel } from '@mch/core';
import { loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { categories, isAgeTable } from './categories';
import { CSV_STYLES } from './csv-writer';
import { fileValues } from './generate';
import { demoFiles } from './plan';
import { buildTableSheet } from './sheet-model';
import { STYLES } from './styles';
import { buildTruth } from './truth';

const codelists = loadShippedCodeLists();
const resolver = createPartnerResolver(codelists);
const tableSet = loadShippedTableSet();
const truth = buildTruth();

const resolve = (label: string) => {
  const m = resolver.resolve(label);
  return m.kind === 'code' ? m.code : `${m.kind}:${label}`;
};

describe('what the questionnaires write can be read back', () => {
  const questionnaires = demoFiles().filter((f) => f.format === 'xlsx' && !f.metadataOnly);

  it.each(questionnaires.map((f) => [f.path, f] as const))('%s: every label and code names its row', (_, spec) => {
    const style = STYLES[spec.country]!;
    const values = fileValues(spec, truth);
    const labelCol = style.leadingCols + (style.lineNumbers ? 1 : 0) + (style.codeColumn !== 'none' ? 1 : 0);
    for (const id of spec.tables) {
      const table = tableSet.tables.find((t) => t.id === id)!;
      const sheet = buildTableSheet({ country: spec.country, table, years: spec.years, values, style, marks: spec.marks, netAgainst: values });
      expect(Number(/\d+/.exec(sheet.name)?.[0]), sheet.name).toBe(Number(id.slice(1)));
      const headers = ['Страна', 'Country', 'Возраст', 'Age group'];
      const data = sheet.rows.filter((r) => typeof r[labelCol] === 'string' && !headers.includes(r[labelCol] as string) && r[labelCol + 1] !== undefined && r[labelCol + 1] !== null);
      const seen = new Set<string>();
      for (const row of data) {
        const label = row[labelCol] as string;
        if (isAgeTable(id)) {
          const code = codelists.age.find((a) => [a.label_en, a.label_ru].map(normaliseLabel).includes(normaliseLabel(label)))?.code ?? '_T';
          seen.add(code);
          continue;
        }
        const code = resolve(label);
        if (style.codeColumn !== 'none' && row[labelCol - 1]) expect(resolve(String(row[labelCol - 1])), `${label} in ${sheet.name}`).toBe(code);
        seen.add(code);
      }
      const expected = [...categories(spec.country, id), '_T'];
      const subtotals: string[] = ['CIS', 'FAR'];
      expect([...seen].filter((c) => !subtotals.includes(c)).sort(), `${spec.path} ${sheet.name}`).toEqual(expected.sort());
    }
  });

  it('CSV partner labels resolve to their codes', () => {
    for (const style of Object.values(CSV_STYLES)) {
      for (const [code, label] of Object.entries(style!.partnerLabels)) expect(resolve(label), label).toBe(code);
    }
  });
});
