import type { QualityReport } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { checkCountry } from './check-country';
import { countryInputs } from './country';
import type { QualityInput } from './model';
import { finishQuality, runQuality } from './run';
import { grid, input, o, refusedAt } from './testing/fixtures';

// Three countries with something for most rules: a sex slip, a refused cell, a mirror pair out of
// the band, a year-on-year jump, an own-country partner and a country configured but silent.
function release(): QualityInput {
  const observations = [
    ...grid('ARM|T04|2011|LT', [['RUS', [100, 50, 50]], ['KAZ', [20, 10, 10]], ['_T', [120, 60, 60]]]),
    ...grid('ARM|T04|2012|LT', [['RUS', [400, 200, 200]], ['KAZ', [21, 10, 10]], ['_T', [421, 210, 210]]]),
    o('KAZ|T04|2012|LT|_T||RUS', 300),
    o('KAZ|T04|2012|LT|_T||KAZ', 5),
    o('KAZ|T04|2012|LT|_T||_T', 310),
    o('RUS|T08|2012|NAT|_T||KAZ', 100),
    o('RUS|T08|2012|NAT|_T||ARM', 40),
    o('RUS|T08|2012|NAT|_T||_T', 1000),
  ];
  return input(observations, {
    config: { countries: { ARM: {}, KAZ: {}, RUS: {}, UZB: {} }, rules: { 'MCH-T01': { min_size: 10 } } },
    data: { rejections: [refusedAt('ARM', 'T04', 'D6')] },
  });
}

/** What finishQuality needs of the release: everything but the observations. */
function withoutObservations(i: QualityInput) {
  const { data, previous, history: _, ...rest } = i;
  return { ...rest, data: { files: data.files, metadata: data.metadata }, previous: previous && { version: previous.version } };
}

describe('quality country by country', () => {
  it('gives the report of the whole release when each country is checked alone, in any order', () => {
    const whole = release();
    const report = runQuality(whole);
    const rules = new Set(report.findings.map((f) => f.rule));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['MCH-A01', 'MCH-A05', 'MCH-I01', 'MCH-M01', 'MCH-T01']));
    const checked = countryInputs(whole)
      .reverse()
      .map((country) => {
        const c = checkCountry(country);
        // the country's observations can go once it is checked
        country.data.observations.length = 0;
        return c;
      });
    const again: QualityReport = finishQuality(withoutObservations(whole), checked);
    expect(again).toEqual(report);
  });

  it('cuts the release by the country each record names, the configured ones included', () => {
    const parts = countryInputs(release());
    expect(parts.map((p) => p.ref_area)).toEqual(['ARM', 'KAZ', 'RUS', 'UZB']);
    const arm = parts[0]!;
    expect(new Set(arm.data.observations.map((x) => x.ref_area))).toEqual(new Set(['ARM']));
    expect(arm.data.rejections).toHaveLength(1);
    expect(parts[3]!.data.observations).toEqual([]);
  });

  it('keeps every observation of a country that comes in more than one run, in the order given', () => {
    const whole = release();
    const list = whole.data.observations;
    // ARM's rows cut in two by KAZ's
    const mixed = [...list.slice(0, 3), ...list.filter((x) => x.ref_area === 'KAZ'), ...list.slice(3).filter((x) => x.ref_area !== 'KAZ')];
    const parts = countryInputs({ ...whole, data: { ...whole.data, observations: mixed } });
    for (const p of parts) expect(p.data.observations).toEqual(list.filter((x) => x.ref_area === p.ref_area));
    // the release's own list is left as it was
    expect(mixed).toHaveLength(list.length);
  });

  it('leaves for the mirror only the flows with configured countries and the totals', () => {
    const rus = checkCountry(countryInputs(release()).find((p) => p.ref_area === 'RUS')!);
    const cells = rus.mirror.tables.get('T08')?.get(2012)?.get('NAT');
    expect([...(cells?.keys() ?? [])].sort()).toEqual(['_T|ARM', '_T|KAZ', '_T|_T']);
    expect(rus.mirror.tables.has('T04')).toBe(false);
  });
});
