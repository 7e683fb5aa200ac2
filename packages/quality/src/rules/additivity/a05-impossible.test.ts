import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const net = (value: number) => ({
  net_migration: [
    { ref_area: 'GEO', table: 'T04', time_period: 2012, sex: '_T' as const, partner: 'RUS', value, source: { file: 'geo.xlsx', sha256: 'x', sheet: 'T04', cell: 'H9', raw: String(value) } },
  ],
});

describe('MCH-A05 impossible partner and net migration', () => {
  it('catches the reporting country as its own previous residence', () => {
    const { findings } = runRule('MCH-A05', [o('ARM|T04|2012|LT|_T||ARM', 15), o('ARM|T05|2012|LT|_T||ARM', 900)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('T04 ARM 2012 long-term: ARM reported as its own country of previous residence: 15 persons');
  });

  it('passes an empty own row (cannot exist)', () => {
    const cell = o('ARM|T04|2012|LT|_T||ARM', null, { obs_status: 'M' });
    const { findings, summary } = runRule('MCH-A05', [cell]);
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(1);
  });

  it('checks a net-migration column against arrivals − departures', () => {
    const flows = [o('GEO|T04|2012|NAT|_T||RUS', 1200), o('GEO|T08|2012|NAT|_T||RUS', 950)];
    expect(runRule('MCH-A05', flows, { data: net(250) }).findings).toEqual([]);
    const f = runRule('MCH-A05', flows, { data: net(300) }).findings;
    expect(f[0]!.message).toContain('net migration 300 ≠ arrivals 1 200 − departures 950');
    expect(f[0]!.message).toContain('= 250, difference 50');
    expect(f[0]!.sources.map((s) => s.cell)).toContain('H9');
  });
});
