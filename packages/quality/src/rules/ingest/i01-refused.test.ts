import type { Rejection } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const rejection = (raw: string): Rejection => ({
  ref_area: 'ARM',
  table: 'T04',
  source: { file: 'arm.xlsx', sha256: 'x', sheet: 'T04', cell: 'C7', raw },
  reason: 'unparseable-value',
  message: `"${raw}" is not a number`,
  message_ru: `«${raw}» не число`,
  suggestions: [],
});

describe('MCH-I01 cells refused at ingest', () => {
  it('reports every refused cell with its place, reason and year read from its column', () => {
    const cells = [o('ARM|T04|2012|LT|_T||RUS', 5, { source: { file: 'arm.xlsx', sha256: 'x', sheet: 'T04', cell: 'C6', raw: '5' } })];
    const files = [{ file: 'arm.xlsx', sha256: 'x', ref_area: 'ARM', format: 'xlsx' as const, value_cells: 2, observations: 1, rejections: 1, tables: ['T04'], ignored_sheets: [], hidden_sheets: [], warnings: [] }];
    const { findings, summary } = runRule('MCH-I01', cells, { data: { rejections: [rejection('12o')], files } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'MCH-I01:arm.xlsx|T04|C7', time_period: 2012, severity: 'error' });
    expect(findings[0]!.message).toBe('T04 ARM: arm.xlsx T04!C7 refused (unparseable-value): "12o" is not a number');
    expect(summary).toMatchObject({ checked: 2, failed: 1 });
  });

  it('takes the year ingest recorded for a CSV line', () => {
    const line: Rejection = { ...rejection('12o'), source: { file: 'arm.csv', sha256: 'x', sheet: '', cell: '7', raw: 'ARM,T04,2011,LT,_T,,RUS,12o' }, time_period: 2011 };
    expect(runRule('MCH-I01', [], { data: { rejections: [line] } }).findings[0]).toMatchObject({ time_period: 2011, message: expect.stringContaining('arm.csv line 7 refused') });
  });

  it('passes a release with no refused cells', () => {
    expect(runRule('MCH-I01', [o('ARM|T04|2012|LT|_T||RUS', 5)]).findings).toEqual([]);
  });

  it('binds the fingerprint to the raw text of the refused cell', () => {
    const a = runRule('MCH-I01', [], { data: { rejections: [rejection('12o')] } }).findings[0]!;
    const b = runRule('MCH-I01', [], { data: { rejections: [rejection('13o')] } }).findings[0]!;
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});
