import { ObservationStore, compareObservations } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { observationsCsv } from '../observations-csv';
import { ageOrder } from '../publishable';
import { fixtureModel, fixtureObservations } from '../testing/fixture';
import { releaseFrame } from './build';
import { publishedSources } from './sources';

const model = fixtureModel();
const whole = fixtureObservations().sort(compareObservations(ageOrder(model.codelists)));
const store = new ObservationStore().appendAll(whole);
const byOrigin = whole.map((_, i) => store.get(i, 'origin'));

function csvOf(observations: typeof whole, sourceOf?: (i: number) => (typeof whole)[number]['source']): string {
  const frame = releaseFrame({ ...model, data: { ...model.data, observations } });
  const found = sourceOf && publishedSources(frame.origins, sourceOf);
  return Buffer.concat([...observationsCsv(frame.observations, found)]).toString('utf8');
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

  it('gives each published value its own source where the harmonised ones are in another order', () => {
    // the release sorts them; the origins still name each one's place in the list it was given
    const reversed = [...whole].reverse();
    const store = new ObservationStore().appendAll(reversed);
    expect(csvOf(reversed.map((_, i) => store.get(i, 'origin')), (i) => store.source(i))).toBe(csvOf(whole));
  });
});
