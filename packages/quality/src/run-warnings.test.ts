import type { TableMetadata } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';

const sheet = (basis: TableMetadata['definition_basis'], from = 'ARM.xlsx#Metadata'): TableMetadata => ({
  ref_area: 'ARM',
  table: 'T04',
  source_kind: 'register',
  definition_basis: basis,
  reference_date: '',
  territory: '',
  breaks: [],
  notes: '',
  from,
});
const flows = [o('ARM|T04|2011|LT|_T||RUS', 10), o('ARM|T04|2012|LT|_T||RUS', 12)];
const config = { countries: { ARM: { definition_basis: { default: 'PERM_REG' as const }, basis_changes: [{ first_year: 2012, basis: 'UN_LT12' as const }] } } };

describe('warnings about the run itself (MCH-W01), each of its kind', () => {
  it('names a Metadata sheet that gives another definition basis than the configuration, for the years of its own file', () => {
    const r = runQuality(input(flows, { config, data: { metadata: [sheet('UN_LT12')] } }));
    expect(r.run_warnings).toEqual([
      {
        finding: 'MCH-W01:metadata-basis|ARM|T04|ARM.xlsx',
        kind: 'metadata-basis',
        ref_area: 'ARM',
        message: 'T04 ARM: the Metadata sheet of ARM.xlsx gives the definition basis UN_LT12, the release configuration PERM_REG (2011); the configuration is used — correct whichever is wrong.',
        message_ru: expect.stringContaining('в листе метаданных файла ARM.xlsx указана основа определения UN_LT12, в конфигурации выпуска — PERM_REG (2011)'),
      },
    ]);
    expect(r.findings.find((f) => f.rule === 'MCH-W01')).toMatchObject({ severity: 'warning', ref_area: 'ARM', table: 'T04' });
  });

  it('says nothing when they agree, or when the sheet speaks for another file (a CSV sent beside it)', () => {
    const agree = runQuality(input([o('ARM|T04|2012|LT|_T||RUS', 12)], { config, data: { metadata: [sheet('UN_LT12')] } }));
    expect(agree.run_warnings).toEqual([]);
    const other = runQuality(input(flows, { config, data: { metadata: [sheet('UN_LT12', 'ARM_metadata.xlsx#Metadata')] } }));
    expect(other.run_warnings).toEqual([]);
    expect(other.rules.find((x) => x.id === 'MCH-W01')).toMatchObject({ checked: 0, failed: 0 });
  });

  it('gives every waiver that covers nothing its kind: expired, values changed, or no such finding', () => {
    const cells = [o('ARM|T05|2012|LT|_T||_T', 5210), o('ARM|T05|2012|LT|M||_T', 2400), o('ARM|T05|2012|LT|F||_T', 2790)];
    const w = { rule: 'MCH-A01' as const, ref_area: 'ARM', justification: 'j', approved_by: 'a', date: '2013-01-01' };
    const r = runQuality(
      input(cells, {
        config: { waivers: [{ ...w, expires: '2013.1' }, { ...w, expires: '2014.1', fingerprint: '0'.repeat(64) }, { ...w, ref_area: 'KAZ', expires: '2014.1' }] },
      }),
    );
    expect(r.run_warnings?.map((x) => [x.kind, x.ref_area])).toEqual([
      ['waiver-expired', 'ARM'],
      ['waiver-values-changed', 'ARM'],
      ['waiver-unmatched', 'KAZ'],
    ]);
    expect(r.run_warnings?.every((x) => r.findings.some((f) => f.id === x.finding && f.rule === 'MCH-W01'))).toBe(true);
  });
});
