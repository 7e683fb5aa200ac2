import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

// KAZ reports 300 immigrants from RUS (LT); RUS reports 100 emigrants to KAZ (NAT only)
const flows = (i: number, e: number) => [
  o('KAZ|T04|2012|LT|_T||RUS', i),
  o('KAZ|T04|2012|LT|_T||_T', i + 10),
  o('RUS|T08|2012|NAT|_T||KAZ', e),
  o('RUS|T08|2012|NAT|_T||ARM', 40),
  o('RUS|T08|2012|NAT|_T||_T', 1000),
  o('ARM|T04|2012|LT|_T||RUS', 30),
];

describe('MCH-M01 mirror flows', () => {
  it('builds the full matrix with the best type of each side, ratio and asymmetry', () => {
    const { report } = runRule('MCH-M01', flows(300, 100));
    const year = report.mirror.filter((m) => m.time_period === 2012 && m.sex === '_T');
    expect(year).toHaveLength(6); // every ordered pair of ARM, KAZ, RUS
    const kr = year.find((m) => m.receiving === 'KAZ' && m.sending === 'RUS')!;
    expect(kr).toMatchObject({ immigration: 300, emigration: 100, migr_type_in: 'LT', migr_type_out: 'NAT', ratio: 3, asymmetry: 0.5, flagged: true });
    expect(kr.sources).toHaveLength(2);
    const ak = year.find((m) => m.receiving === 'ARM' && m.sending === 'KAZ')!;
    expect(ak).toMatchObject({ immigration: null, emigration: null, ratio: null, flagged: false });
  });

  it('reports a flow outside the band as info, naming both sides', () => {
    const { findings } = runRule('MCH-M01', flows(300, 100));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.message).toBe(
      'Mirror 2012: immigration to KAZ from RUS 300 (KAZ T04, long-term, basis not stated) against emigration from RUS to KAZ 100 (RUS T08, permanent residence (national definition), basis not stated): ratio 3, asymmetry 0.5, outside 0.5–2',
    );
  });

  it('says the ratio rounded once from the two figures: 401 against 200 is 2.005, so 2.01', () => {
    const { findings, report } = runRule('MCH-M01', flows(401, 200));
    expect(report.mirror.find((m) => m.receiving === 'KAZ' && m.sending === 'RUS' && m.sex === '_T')!.ratio).toBe(2.005);
    // the stored 2.005 is 2.00499… in binary, which toFixed(2) shows as 2 (2.00)
    expect(findings[0]!.message).toContain('ratio 2.01, asymmetry 0.33, outside 0.5–2');
  });

  it('reports a pair once on its total, not again for men and women', () => {
    const withSexes = [...flows(300, 100), o('KAZ|T04|2012|LT|M||RUS', 150), o('KAZ|T04|2012|LT|F||RUS', 150), o('RUS|T08|2012|NAT|M||KAZ', 50), o('RUS|T08|2012|NAT|F||KAZ', 50)];
    const { findings, report } = runRule('MCH-M01', withSexes);
    expect(report.mirror.filter((m) => m.flagged).map((m) => m.sex).sort()).toEqual(['F', 'M', '_T']);
    expect(findings.map((f) => f.sex)).toEqual(['_T']);
    // and counts it once: the rule's checked and failed count what its findings count, pairs and years
    const m01 = report.rules.find((r) => r.id === 'MCH-M01')!;
    expect({ checked: m01.checked, failed: m01.failed }).toEqual({ checked: runRule('MCH-M01', flows(300, 100)).report.rules.find((r) => r.id === 'MCH-M01')!.checked, failed: 1 });
    // men and women without a total of the pair are pairs of their own
    const sexesOnly = withSexes.filter((x) => !(x.sex === '_T' && ((x.ref_area === 'KAZ' && x.partner === 'RUS') || (x.ref_area === 'RUS' && x.partner === 'KAZ'))));
    const alone = runRule('MCH-M01', sexesOnly);
    expect(alone.findings.map((f) => f.sex).sort()).toEqual(['F', 'M']);
    expect(alone.report.rules.find((r) => r.id === 'MCH-M01')!.failed).toBe(2);
  });

  it('passes flows within the band, and small flows whatever their ratio', () => {
    expect(runRule('MCH-M01', flows(150, 100)).findings).toEqual([]);
    expect(runRule('MCH-M01', flows(30, 10)).findings).toEqual([]);
  });

  it('estimates emigration from partner data beside the country’s own figures', () => {
    const { report } = runRule('MCH-M01', flows(300, 100));
    expect(report.emigration_estimates.find((e) => e.sending === 'RUS')).toEqual({
      sending: 'RUS',
      time_period: 2012,
      partners: ['ARM', 'KAZ'],
      partner_reported_immigration: 330,
      own_emigration_to_same_partners: 140,
      own_total_emigration: 1000,
      coverage_share: 0.14,
    });
  });
});
