import { loadShippedCodeLists } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { deriveAggregates } from './aggregates';
import { obs } from './test-helpers';

const codelists = loadShippedCodeLists();
const find = (list: ReturnType<typeof deriveAggregates>, p: Record<string, string>) =>
  list.filter((o) => Object.entries(p).every(([k, v]) => (o as unknown as Record<string, string>)[k] === v));

describe('deriveAggregates', () => {
  it('derives the sex total from complete parts beside the reported total, never over it', () => {
    const reported = [obs({ sex: '_T', obs_value: 210 }), obs({ sex: 'M', obs_value: 100 }), obs({ sex: 'F', obs_value: 105 })];
    const total = find(deriveAggregates(reported, codelists), { sex: '_T', partner: 'RUS' });
    expect(total).toHaveLength(1);
    expect(total[0]).toMatchObject({ obs_value: 205, derived: true, source: null });
  });

  it('derives nothing when a part is missing or has no value', () => {
    expect(find(deriveAggregates([obs({ sex: 'M' })], codelists), { sex: '_T' })).toEqual([]);
    expect(find(deriveAggregates([obs({ sex: 'M' }), obs({ sex: 'F', obs_value: null, obs_status: 'O' })], codelists), { sex: '_T' })).toEqual([]);
  });

  it('derives BALT from its three members and MCH12 only when all twelve are present', () => {
    const baltic = ['EST', 'LVA', 'LTU'].map((p, i) => obs({ partner: p, obs_value: 10 + i }));
    const derived = deriveAggregates(baltic, codelists);
    expect(find(derived, { partner: 'BALT' })[0]?.obs_value).toBe(33);
    expect(find(derived, { partner: 'MCH12' })).toEqual([]);
    const twelve = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'].map((p) => obs({ ref_area: 'POL', partner: p, obs_value: 1 }));
    expect(find(deriveAggregates(twelve, codelists), { partner: 'MCH12' })[0]?.obs_value).toBe(12);
    // in T04 the reporting country is never its own previous residence: the other eleven are complete
    const eleven = twelve.filter((o) => o.partner !== 'ARM').map((o) => ({ ...o, ref_area: 'ARM' }));
    expect(find(deriveAggregates(eleven, codelists, new Set(['T04'])), { partner: 'MCH12' })[0]?.obs_value).toBe(11);
    expect(find(deriveAggregates(eleven, codelists), { partner: 'MCH12' })).toEqual([]);
  });

  it('keeps a sum of confidential parts confidential', () => {
    const parts = [obs({ sex: 'M', obs_value: 50, conf_status: 'C', obs_status: 'Q' }), obs({ sex: 'F', obs_value: 40, conf_status: 'C', obs_status: 'Q' })];
    expect(find(deriveAggregates(parts, codelists), { sex: '_T' })[0]).toMatchObject({ obs_value: 90, conf_status: 'C' });
    const mixed = ['EST', 'LVA', 'LTU'].map((p) => obs({ partner: p, obs_value: 5, conf_status: p === 'LVA' ? 'N' : 'F' }));
    expect(find(deriveAggregates(mixed, codelists), { partner: 'BALT' })[0]?.conf_status).toBe('C');
  });

  it('derives the partner total only when the residual row completes the list, excluding aggregates', () => {
    const rows = [obs({ partner: 'RUS', obs_value: 50 }), obs({ partner: 'CIS', obs_value: 50 }), obs({ partner: 'OTH', obs_value: 7 })];
    expect(find(deriveAggregates(rows, codelists), { partner: '_T' })[0]?.obs_value).toBe(57);
    expect(find(deriveAggregates(rows.slice(0, 2), codelists), { partner: '_T' })).toEqual([]);
  });

  it('leaves out of the partner total an "of which" row whose parent row is summed, never one under an aggregate', () => {
    // «страны СНГ 50, из них Россия 50»; «Прочие страны 7, из них Иран 3»
    const rows = [obs({ partner: 'CIS', obs_value: 50 }), obs({ partner: 'RUS', obs_value: 50, parent: 'CIS' }), obs({ partner: 'OTH', obs_value: 7 }), obs({ partner: 'IRN', obs_value: 3, parent: 'OTH' })];
    const derived = deriveAggregates(rows, codelists);
    const total = find(derived, { partner: '_T' })[0];
    expect(total?.obs_value).toBe(57);
    expect(total && 'parent' in total).toBe(false);
    // the same rows with IRN as a row of its own: counted twice, as before
    expect(find(deriveAggregates(rows.map(({ parent: _, ...o }) => o), codelists), { partner: '_T' })[0]?.obs_value).toBe(60);
    // an "of which" row whose summed parent is missing: the total cannot be derived
    const orphan = [obs({ partner: 'RUS', obs_value: 50, parent: 'SUN' }), obs({ partner: 'OTH', obs_value: 7 })];
    expect(find(deriveAggregates(orphan, codelists), { partner: '_T' })).toEqual([]);
    expect(find(deriveAggregates([...orphan, obs({ partner: 'SUN', obs_value: 60 })], codelists), { partner: '_T' })[0]?.obs_value).toBe(67);
    // derived sums carry no parent, whichever part they start from
    expect(deriveAggregates(rows, codelists).filter((o) => o.partner === 'BALT' || o.partner === '_T').every((o) => o.parent === undefined)).toBe(true);
  });

  it('derives broad age groups and the age total from complete partitions', () => {
    const five = codelists.age_partitions.five_year_85!.map((age, i) => obs({ table: 'T07', partner: '', age, obs_value: i + 1 }));
    const derived = deriveAggregates(five, codelists);
    expect(find(derived, { age: 'Y_LT15' })[0]?.obs_value).toBe(1 + 2 + 3);
    expect(find(derived, { age: 'Y_GE65' })[0]?.obs_value).toBe(14 + 15 + 16 + 17 + 18);
    expect(find(derived, { age: '_T' })[0]?.obs_value).toBe((18 * 19) / 2);
    expect(find(deriveAggregates(five.slice(1), codelists), { age: '_T' })).toEqual([]);
    expect(find(deriveAggregates(five.slice(1), codelists), { age: 'Y_LT15' })).toEqual([]);
  });
});
