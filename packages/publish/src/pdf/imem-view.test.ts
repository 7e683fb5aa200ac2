import { describe, expect, it } from 'vitest';
import { fixtureAnalytical, fixtureConfig, obs } from '../testing/fixture';
import { loadShippedTableSet } from '@mch/core/testing';
import { imemView } from './imem-view';
import { escapeMarkup } from './markup';

const tableSet = loadShippedTableSet();
const name = (code: string) => code;
const total = { sex: '_T', partner: '_T' } as const;

/** Reported totals: Armenia (permanent registration), Russia before and after its 9-month rule, Georgia by border crossings, Kazakhstan on 12 months. */
const published = [
  obs({ ...total, ref_area: 'ARM', table: 'T04', migr_type: 'NAT', definition_basis: 'PERM_REG', obs_value: 5100 }),
  obs({ ...total, ref_area: 'ARM', table: 'T08', migr_type: 'NAT', definition_basis: 'PERM_REG', obs_value: 800 }),
  obs({ ...total, ref_area: 'ARM', table: 'T04', migr_type: 'NAT', definition_basis: 'PERM_REG', partner: 'GEO', obs_value: 120 }),
  obs({ ...total, ref_area: 'ARM', table: 'T04', migr_type: 'ST', definition_basis: 'PERM_REG', obs_value: 70 }),
  obs({ ...total, ref_area: 'RUS', table: 'T04', migr_type: 'NAT', definition_basis: 'PERM_REG', time_period: 2010, obs_value: 191656 }),
  obs({ ...total, ref_area: 'RUS', table: 'T04', migr_type: 'NAT', definition_basis: 'STAY_REG_9M', time_period: 2011, obs_value: 356535 }),
  obs({ ...total, ref_area: 'RUS', table: 'T04', migr_type: 'NAT', definition_basis: 'STAY_REG_9M', time_period: 2012, obs_value: 417681 }),
  obs({ ...total, ref_area: 'GEO', table: 'T08', migr_type: 'NAT', definition_basis: 'BORDER', obs_value: 4000 }),
  obs({ ...total, ref_area: 'KAZ', table: 'T04', migr_type: 'LT', definition_basis: 'UN_LT12', obs_value: 900 }),
];
const estimates = [
  ...fixtureAnalytical(),
  obs({ ...total, ref_area: 'ARM', table: 'T08', migr_type: 'LT', definition_basis: 'PERM_REG', obs_value: 1808, obs_status: 'E', derived: true, note_refs: ['IMEM permanent × 2.26'] }),
  obs({ ...total, ref_area: 'RUS', table: 'T04', migr_type: 'LT', definition_basis: 'PERM_REG', time_period: 2010, obs_value: 433143, obs_status: 'E', derived: true, note_refs: ['IMEM permanent × 2.26'] }),
];

describe('imemView', () => {
  const config = fixtureConfig({ imem: { enabled: true } });
  const view = imemView(config, tableSet, published, estimates, 'en', name);

  it('puts the reported total flows of both directions beside their 12-month estimate and the coefficient', () => {
    expect(view.rows.map((r) => Object.values(r).join(' | '))).toEqual([
      'ARM | 2012 | 5\u202f100 | 11\u202f526 [e] [d] | 800 | 1\u202f808 [e] [d] | 2.26',
      'GEO | 2012 | — | — | 4\u202f000 | — | —',
      'KAZ | 2012 | 900 | — | — | — | —',
      'RUS | 2010 | 191\u202f656 | 433\u202f143 [e] [d] | — | — | 2.26',
      'RUS | 2011 | 356\u202f535 | — | — | — | —',
      'RUS | 2012 | 417\u202f681 | — | — | — | —',
    ]);
  });

  it('marks each estimate [e], as the caveats say, and a reported figure as the tables do', () => {
    expect(view.estimate_mark).toBe(escapeMarkup('[e] [d]'));
    const marked = [
      obs({ ...total, ref_area: 'KAZ', table: 'T04', migr_type: 'LT', definition_basis: 'UN_LT12', obs_value: 900, obs_status: 'P' }),
      obs({ ...total, ref_area: 'KAZ', table: 'T08', migr_type: 'LT', definition_basis: 'UN_LT12', obs_value: 40, conf_status: 'C' }),
    ];
    const row = imemView(config, tableSet, marked, [], 'en', name).rows[0]!;
    expect([row.immigration, row.emigration]).toEqual(['900 [p]', '[c]']);
  });

  it('names who has no estimate and why: a 9-month rule, a 12-month basis, a definition of unknown duration', () => {
    expect(view.nine_months).toBe('RUS (2011–2012)');
    expect(view.twelve_months).toBe('KAZ (2012)');
    expect(view.no_duration).toBe('GEO (2012)');
    expect(view.coefficients.map((c) => `${c.duration} ${c.value}`)).toEqual(['0 months 0.53', '3 months 0.63', '6 months 0.73', '12 months 1.00', 'permanent 2.26']);
  });

  it('writes decimals with a comma in Russian', () => {
    const ru = imemView(config, tableSet, published, estimates, 'ru', name);
    expect(ru.rows[0]!.coefficient).toBe('2,26');
    expect(ru.coefficients.at(-1)).toEqual({ duration: 'постоянная', value: '2,26' });
  });

  it('is off unless the configuration turns it on', () => {
    expect(imemView(fixtureConfig(), tableSet, published, [], 'en', name).enabled).toBe(false);
  });
});
