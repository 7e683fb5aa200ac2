import { ObservationStore } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { observationsCsv } from '../observations-csv';
import { ageOrder, sortObservations } from '../publishable';
import { fixtureModel, fixtureObservations } from '../testing/fixture';
import { publishedRelease } from './index';
import { publishedSources } from './sources';

const model = fixtureModel();
const whole = sortObservations(fixtureObservations(), model.codelists);
const store = new ObservationStore().appendAll(whole);
const byOrigin = whole.map((_, i) => store.get(i, 'origin'));

function csvOf(observations: typeof whole, sourceOf?: (i: number) => (typeof whole)[number]['source']): string {
  const published = publishedRelease({ ...model, data: { ...model.data, observations } }).observations;
  const found = sourceOf && publishedSources(published, observations, sourceOf, ageOrder(model.codelists));
  return Buffer.concat([...observationsCsv(published, found)]).toString('utf8');
}

describe('publishedSources', () => {
  it('gives observations.csv the cells and raw texts that observations by origin leave out, byte for byte', () => {
    // the fixture has a derived total a reported one shadows, a value not free, one in thousands and a dash
    expect(byOrigin.some((o) => o.source?.cell)).toBe(false);
    const full = csvOf(whole);
    expect(full).toContain(',T04,C8,"3,456"\n');
    expect(csvOf(byOrigin)).not.toBe(full);
    expect(csvOf(byOrigin, (i) => store.source(i))).toBe(full);
  });

  it('keeps the raw text of a zero by origin, which may be the dash the workbooks show', () => {
    const dash = byOrigin.find((o) => o.obs_value === 0);
    expect(dash?.source).toMatchObject({ cell: '', raw: '-' });
    expect(byOrigin.filter((o) => o.obs_value !== 0 && o.source).every((o) => o.source!.raw === '')).toBe(true);
  });

  it('is a bug, said as one, when the two lists are not in the same order', () => {
    const published = publishedRelease({ ...model, data: { ...model.data, observations: byOrigin } }).observations;
    const reversed = [...whole].reverse();
    expect(() => [...publishedSources(published, reversed, (i) => store.source(i), ageOrder(model.codelists))]).toThrow(/not in the same order/);
  });
});
