import { describe, expect, it } from 'vitest';
import { loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import { changeLabels, changesMarkdown, diffCsv, diffObservations } from './changes';
import { obs } from './testing/fixture';

const before = [
  obs({ ref_area: 'ARM', table: 'T04', partner: 'GEO', obs_value: 100 }),
  obs({ ref_area: 'ARM', table: 'T04', partner: 'RUS', obs_value: 50 }),
  obs({ ref_area: 'GEO', table: 'T01', partner: 'ARM', obs_value: 7 }),
];
const after = [
  obs({ ref_area: 'ARM', table: 'T04', partner: 'GEO', obs_value: 110 }),
  obs({ ref_area: 'ARM', table: 'T04', partner: 'RUS', obs_value: 50 }),
  obs({ ref_area: 'ARM', table: 'T04', partner: 'UKR', obs_value: 5 }),
];

describe('diffObservations', () => {
  it('classifies revised, new and withdrawn values and leaves equal ones out', () => {
    const changes = diffObservations(before, after);
    expect(changes.map((c) => `${c.ref_area} ${c.partner} ${c.change} ${c.old_value}→${c.new_value}`)).toEqual([
      'ARM GEO revised 100→110',
      'ARM UKR new null→5',
      'GEO ARM withdrawn 7→null',
    ]);
    expect(diffCsv(changes).split('\n')[0]).toBe('ref_area,table,time_period,migr_type,sex,age,partner,old_value,new_value,old_status,new_status,change');
  });

  it('writes CHANGES.md with counts, the revised and withdrawn values and the release notes, inert', () => {
    const md = changesMarkdown('2013.2', '2013.1', diffObservations(before, after), 'Armenia <b>resubmitted</b> T04.');
    expect(md).toContain('Compared with release 2013.1.');
    expect(md).toContain('| ARM | T04 | 1 | 1 | 0 |');
    expect(md).toContain('| 2012 |  | _T |  | GEO | 100 | 110 | +10 | A | A |');
    expect(md).toContain('## Withdrawn values');
    expect(md).toContain('Armenia &lt;b&gt;resubmitted&lt;/b&gt; T04.');
  });

  it('puts what was revised and where first, and names countries, tables, partners and sexes beside their codes', () => {
    const md = changesMarkdown('2013.2', '2013.1', diffObservations(before, after), '', changeLabels({ codelists: loadShippedCodeLists(), tableSet: loadShippedTableSet() }));
    const summary = md.slice(md.indexOf('## Summary'), md.indexOf('## Revised values'));
    expect(summary).toBe('## Summary\n\n- Revised: 1 value, in Armenia (ARM) T04 (1).\n- Withdrawn: 1 value, in Georgia (GEO) T01 (1).\n- New: 1 value, by reference year 2012: 1.\n\n');
    expect(md).toContain('### Armenia (ARM), T04 Immigrants by country of previous residence, type of migration, sex, country and year');
    expect(md).toContain('| 2012 |  | Total |  | GEO Georgia | 100 | 110 | +10 | A | A |');
    expect(md.indexOf('## Counts by country and table')).toBeGreaterThan(md.indexOf('## Withdrawn values'));
  });
});
