// A small release model for the tests: two countries, one confidential value, derived aggregates.
import { type Observation, type QualityReport, type ReleaseConfigInput, defineReleaseConfig } from '@mch/core';
import { REPO_ROOT, loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import type { ReleaseModel } from '../model';

/** The confidential figure: it must not appear in any file of the release, in any form. */
export const SECRET = 987654;

const SHA_ARM = 'a'.repeat(64);
const SHA_GEO = 'b'.repeat(64);

export function obs(partial: Partial<Observation> & Pick<Observation, 'ref_area' | 'table' | 'partner'>): Observation {
  return {
    time_period: 2012,
    migr_type: '',
    sex: '_T',
    age: '',
    obs_value: null,
    obs_status: 'A',
    conf_status: 'F',
    definition_basis: '',
    unit_mult: 0,
    derived: false,
    note_refs: [],
    source: null,
    ...partial,
  };
}

const src = (file: string, sha: string, cell: string, raw: string) => ({ file, sha256: sha, sheet: file.endsWith('.csv') ? '' : 'T04', cell, raw });

export function fixtureObservations(): Observation[] {
  const arm = 'data/raw/ARM/arm_2013.xlsx';
  const geo = 'data/raw/GEO/geo_2013.csv';
  const t04 = { ref_area: 'ARM', table: 'T04', migr_type: 'NAT', definition_basis: 'PERM_REG' } as const;
  return [
    obs({ ...t04, partner: 'GEO', obs_value: 120, note_refs: ['1'], source: src(arm, SHA_ARM, 'C7', '120 1)') }),
    obs({ ...t04, partner: 'RUS', obs_value: 3456, obs_status: 'E', unit_mult: 3, source: src(arm, SHA_ARM, 'C8', '3,456') }),
    obs({ ...t04, partner: 'UZB', obs_value: SECRET, conf_status: 'C', source: src(arm, SHA_ARM, 'C9', `${SECRET}`) }),
    obs({ ...t04, partner: '_T', obs_value: 5100, source: src(arm, SHA_ARM, 'C10', '5100') }),
    obs({ ...t04, partner: '_T', obs_value: 5000, derived: true }),
    obs({ ...t04, partner: 'MCH12', obs_value: 120, derived: true }),
    obs({ ...t04, time_period: 2011, partner: 'GEO', obs_value: 100, source: src(arm, SHA_ARM, 'B7', '100') }),
    obs({ ref_area: 'ARM', table: 'T07', migr_type: 'NAT', age: 'Y5-9', partner: '', obs_value: 20, source: src(arm, SHA_ARM, 'D6', '20') }),
    obs({ ref_area: 'ARM', table: 'T07', migr_type: 'NAT', age: 'Y_LT5', partner: '', obs_value: 10, source: src(arm, SHA_ARM, 'D5', '10') }),
    obs({ ref_area: 'GEO', table: 'T01', partner: 'ARM', obs_value: 2500, obs_status: 'P', definition_basis: 'CENSUS', source: src(geo, SHA_GEO, '2', '2500') }),
    obs({ ref_area: 'GEO', table: 'T01', sex: 'M', partner: 'ARM', obs_status: 'O', source: src(geo, SHA_GEO, '3', '..') }),
    obs({ ref_area: 'GEO', table: 'T01', sex: 'F', partner: 'ARM', obs_value: 0, source: src(geo, SHA_GEO, '4', '-') }),
    obs({ ref_area: 'GEO', table: 'T08', migr_type: 'NAT', partner: 'ARM', obs_value: SECRET, conf_status: 'N', source: src(geo, SHA_GEO, '5', `${SECRET}`) }),
    obs({ ref_area: 'GEO', table: 'T08', migr_type: 'NAT', partner: '_T', obs_value: 4000, source: src(geo, SHA_GEO, '6', '4000') }),
  ];
}

function fixtureQuality(): QualityReport {
  return {
    version: '2013.1',
    release_date: '2013-06-30',
    rules: [
      { id: 'MCH-A03', severity: 'error', checked: 3, failed: 0, skipped: 1, waived: 0 },
      { id: 'MCH-A01', severity: 'error', checked: 5, failed: 1, skipped: 0, waived: 1 },
    ],
    findings: [
      {
        id: 'MCH-A01-x',
        rule: 'MCH-A01',
        severity: 'error',
        ref_area: 'ARM',
        table: 'T04',
        time_period: 2012,
        migr_type: 'NAT',
        sex: '_T',
        age: '',
        partner: 'UZB',
        values: { total: SECRET },
        sources: [{ file: 'x', sheet: 'T04', cell: 'C9' }],
        message: `Query to Armenia: is ${SECRET} right?`,
        message_ru: 'Запрос',
        fingerprint: 'f',
        waived: true,
        waiver: { justification: 'known', approved_by: 'Jane Approver', date: '2013-06-01', expires: '2014.1' },
      },
    ],
    mirror: [
      {
        time_period: 2012,
        receiving: 'ARM',
        sending: 'GEO',
        sex: '_T',
        immigration: 120,
        emigration: SECRET,
        migr_type_in: 'NAT',
        migr_type_out: 'NAT',
        basis_in: 'PERM_REG',
        basis_out: 'BORDER',
        territory_in: '',
        territory_out: 'excluding Abkhazia and South Ossetia',
        ratio: 120 / SECRET,
        asymmetry: (120 - SECRET) / (120 + SECRET),
        flagged: true,
        sources: [{ file: 'y', sheet: '', cell: '5' }],
      },
    ],
    emigration_estimates: [
      {
        sending: 'GEO',
        time_period: 2012,
        partners: ['ARM'],
        partner_reported_immigration: 120,
        own_emigration_to_same_partners: SECRET,
        own_total_emigration: 4000,
        coverage_share: SECRET / 4000,
      },
    ],
    completeness: [{ ref_area: 'ARM', table: 'T04', time_period: 2012, expected: true, observations: 6, missing_values: 0, rejected: 0 }],
    gate: { passed: true, blocking: 0 },
  };
}

export function fixtureConfig(overrides: Partial<ReleaseConfigInput> = {}) {
  return defineReleaseConfig({
    version: '2013.1',
    release_date: '2013-06-30',
    reference_years: [2011, 2012],
    table_set: 'pipelines/mch/tables.yaml',
    codelists: 'pipelines/mch/codelists.yaml',
    countries: {
      ARM: { definition_basis: { default: 'PERM_REG' } },
      GEO: { territory: 'excluding Abkhazia and South Ossetia', definition_basis: { T01: 'CENSUS', default: 'BORDER' } },
    },
    breaks: [],
    metadata: {
      title_en: 'Migration statistics of the Clearing House',
      title_ru: 'Статистика миграции Информационного центра',
      contact: { organisation: 'UNECE Statistical Division', unit: 'Social and Demographic Statistics', email: 'mch@example.org', organisation_ru: 'Отдел статистики ЕЭК ООН' },
      sections: { institutional_mandate: { en: 'Decision of the Conference of European Statisticians.', ru: 'Решение Конференции европейских статистиков.' } },
    },
    release_notes: 'First release of the 2009-2012 round.',
    ...overrides,
  });
}

/** The IMEM 12-month estimate of Armenia's reported total immigration: 5100 × 2.26. Only the notes may show it. */
export const IMEM_ESTIMATE = 11526;

/** What harmonise derives with `imem: { enabled: true }`: analytical series, never published as tables. */
export function fixtureAnalytical(): Observation[] {
  const t04 = { ref_area: 'ARM', table: 'T04', migr_type: 'LT', definition_basis: 'PERM_REG', obs_status: 'E', derived: true } as const;
  const note = () => ['IMEM permanent × 2.26'];
  return [obs({ ...t04, partner: '_T', obs_value: IMEM_ESTIMATE, note_refs: note() }), obs({ ...t04, partner: 'GEO', obs_value: 271, note_refs: note() })];
}

export function fixtureModel(overrides: Partial<ReleaseModel> = {}): ReleaseModel {
  const config = fixtureConfig({ imem: { enabled: true } });
  return {
    config,
    tableSet: loadShippedTableSet(),
    codelists: loadShippedCodeLists(),
    data: {
      observations: fixtureObservations(),
      rejections: [],
      conflicts: [],
      resubmissions: [],
      metadata: [
        { ref_area: 'ARM', table: 'T04', source_kind: 'population register', definition_basis: 'PERM_REG', reference_date: '', territory: '', breaks: [], notes: '', from: 'arm_2013.xlsx Metadata' },
        { ref_area: 'GEO', table: 'T01', source_kind: 'census 2002', definition_basis: 'CENSUS', reference_date: '2002-01-17', territory: 'excluding Abkhazia and South Ossetia', breaks: [], notes: '', from: 'geo_2013.csv' },
      ],
      notes: [
        { ref_area: 'ARM', table: 'T04', ref: '1', text: '=HYPERLINK("http://evil.example","click")', source: src('data/raw/ARM/arm_2013.xlsx', SHA_ARM, 'A30', '1) =HYPERLINK') },
      ],
      files: [],
      net_migration: [],
      analytical: fixtureAnalytical(),
      remarks: [{ ref_area: 'GEO', table: 'T01', text_en: 'Stocks of 31 December moved to 1 January.', text_ru: 'Численность на 31 декабря отнесена на 1 января.' }],
    },
    quality: fixtureQuality(),
    breaks: [{ ref_area: 'ARM', first_year: 2012, tables: ['T04'], text_en: 'New registration form.', text_ru: 'Новая форма регистрации.' }],
    inputs: [
      { path: 'data/raw/GEO/geo_2013.csv', sha256: SHA_GEO, bytes: 200 },
      { path: 'data/raw/ARM/arm_2013.xlsx', sha256: SHA_ARM, bytes: 9000 },
    ],
    codeVersion: { packages: { '@mch/publish': '0.1.0', '@mch/core': '0.1.0' }, lockfile_sha256: 'c'.repeat(64) },
    environment: { node: 'v20', platform: 'linux' },
    templatesDir: `${REPO_ROOT}templates`,
    ...overrides,
  };
}
