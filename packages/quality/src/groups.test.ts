import { describe, expect, it } from 'vitest';
import { groupFindings, groupId, worstText, yearRuns } from './groups';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';
import { noisyReport } from './testing/noisy-report';

const series = (values: Record<number, number>, partner = 'KAZ', sex = '_T') => Object.entries(values).map(([y, v]) => o(`RUS|T04|${y}|NAT|${sex}||${partner}`, v));
const jumpy = { 2006: 1000, 2007: 2200, 2008: 900, 2009: 2300, 2010: 950, 2011: 2400, 2012: 1000 };

describe('findings grouped by series', () => {
  it('makes the year-on-year warnings of one series one group, with its count, years and worst change', () => {
    const report = runQuality(input([...series(jumpy), ...series({ 2011: 1000, 2012: 3000 }, 'UKR')]));
    const t01 = groupFindings(report.findings).filter((g) => g.rule === 'MCH-T01');
    expect(t01.map((g) => [g.id, g.count, g.years])).toEqual([
      ['MCH-T01:RUS|T04||NAT|_T||KAZ', 6, [2007, 2008, 2009, 2010, 2011, 2012]],
      ['MCH-T01:RUS|T04||NAT|_T||UKR', 1, [2012]],
    ]);
    const [kaz, ukr] = t01;
    // 900 → 2 300 in 2009 is the largest relative change
    expect(kaz!.worst).toEqual({ finding: 'MCH-T01:RUS|T04|2009|NAT|_T||KAZ', time_period: 2009, measure: 'change', value: 1.5556 });
    expect(worstText(kaz!)).toEqual({ en: 'largest change 155.6 % (2009)', ru: 'наибольшее изменение 155.6 % (2009)' });
    expect(kaz!.findings).toEqual(report.findings.filter((f) => f.rule === 'MCH-T01' && f.partner === 'KAZ').map((f) => f.id));
    expect(ukr!.findings).toEqual(['MCH-T01:RUS|T04|2012|NAT|_T||UKR']);
  });

  it('keeps sexes, partners, a level shift and a duplicate id in the groups they belong to', () => {
    const f = (id: string, time_period: number | null) => ({ id, rule: 'MCH-T01' as const, time_period });
    expect(groupId(f('MCH-T01:RUS|T04|2012|NAT|F||KAZ', 2012))).toBe('MCH-T01:RUS|T04||NAT|F||KAZ');
    expect(groupId(f('MCH-T01:RUS|T04|2012|NAT|_T||_T|level-shift', 2012))).toBe('MCH-T01:RUS|T04||NAT|_T||_T|level-shift');
    expect(groupId(f('MCH-T01:RUS|T04|2012|NAT|_T||_T|level-shift#2', 2012))).toBe('MCH-T01:RUS|T04||NAT|_T||_T|level-shift');
    // no year: the finding is its own group; a key whose third part is not the year keeps it
    expect(groupId({ id: 'MCH-G01:ARM|metadata', rule: 'MCH-G01', time_period: null })).toBe('MCH-G01:ARM|metadata');
    expect(groupId({ id: 'MCH-C01:ARM|T05|supply', rule: 'MCH-C01', time_period: 2012 })).toBe('MCH-C01:ARM|T05|supply');
  });

  it('counts waived findings and falls back to the first finding when none carries a measure', () => {
    const report = runQuality(input([...series(jumpy)]));
    const ids = report.findings.filter((f) => f.rule === 'MCH-T01').map((f) => f.id);
    const waived = report.findings.map((f) => (f.id === ids[0] ? { ...f, waived: true, values: {} } : { ...f, values: {} }));
    const [g] = groupFindings(waived).filter((x) => x.rule === 'MCH-T01');
    expect(g).toMatchObject({ count: 6, waived: 1, worst: { finding: ids[0], measure: null, value: null } });
    expect(worstText(g!)).toEqual({ en: '', ru: '' });
  });

  it('joins runs of years', () => {
    expect(yearRuns([2001, 2002, 2003, 2007, 2009, 2010])).toBe('2001–2003, 2007, 2009, 2010');
    expect(yearRuns([])).toBe('');
  });

  it('groups 20 000 findings into their series, every finding in exactly one group', () => {
    const report = noisyReport(20_000);
    const groups = groupFindings(report.findings);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(20_000);
    expect(new Set(groups.flatMap((g) => g.findings)).size).toBe(20_000);
    // two countries × two tables × three sexes per partner: far fewer groups than findings
    expect(groups.length).toBeLessThan(20_000 / 4);
    expect(groups.every((g) => g.findings.every((id) => groupId({ id, rule: g.rule, time_period: Number(id.split('|')[2]) }) === g.id))).toBe(true);
  });
});
