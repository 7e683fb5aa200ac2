import { isMchError } from '@mch/core';
import { loadShippedCodeLists } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { observationsCsv, readObservationsCsv, readObservationsCsvInTurns } from './observations-csv';
import { publishedObservations } from './publishable';
import { fixtureObservations } from './testing/fixture';

const published = publishedObservations(fixtureObservations(), loadShippedCodeLists()).observations;
const text = Buffer.concat([...observationsCsv(published)]).toString('utf8');

function refusal(csv: string): string {
  try {
    readObservationsCsv(csv);
  } catch (e) {
    if (isMchError(e)) return e.message;
    throw e;
  }
  return 'accepted';
}

describe('readObservationsCsv', () => {
  it('reads back exactly what observationsCsv wrote, guarded formula text included', () => {
    expect(readObservationsCsv(text)).toEqual(published);
    expect(published.find((o) => o.source?.raw === '-')).toBeDefined();
  });

  it('reads the bytes piece by piece as it reads the text, a BOM and the header included', () => {
    for (const size of [1, 100, 10_000]) expect(readObservationsCsv(Buffer.from(`\uFEFF${text}`, 'utf8'), size)).toEqual(published);
    expect(() => readObservationsCsv(Buffer.from(''))).toThrow('the header is not');
  });

  it('refuses a wrong header, a short row, a value that is not a number and a broken quote', () => {
    const [header, first] = text.split('\n');
    expect(refusal(`${header!.replace('obs_value', 'value')}\n`)).toContain('header');
    expect(refusal(`${header}\n${first!.split(',').slice(0, 5).join(',')}\n`)).toContain('observations.csv:2: 5 fields');
    expect(refusal(`${header}\n${first!.replace(',100,', ',1e2,')}\n`)).toContain('obs_value "1e2"');
    expect(refusal(`${header}\n${first!.replace(',100,', ',"10"0,')}\n`)).toContain('text after a closing quote');
    expect(refusal(`${header}\n${first!.replace(',A,', ',Z,')}\n`)).toContain('obs_status');
  });

  it('checks each code once but every row: a bad value after good ones is refused at its own line', () => {
    const [header, first] = text.split('\n');
    const cols = header!.split(',');
    const withField = (name: string, value: string) => {
      const fields = first!.split(',');
      fields[cols.indexOf(name)] = value;
      return fields.join(',');
    };
    const after = (row: string) => refusal(`${header}\n${first}\n${first}\n${row}\n`);
    expect(after(first!)).toBe('accepted');
    expect(after(withField('obs_status', 'Z'))).toMatch(/observations.csv:4: not a valid observation \(obs_status/);
    expect(after(withField('ref_area', 'ARME'))).toMatch(/observations.csv:4: not a valid observation \(ref_area/);
    expect(after(withField('sex', 'X'))).toMatch(/observations.csv:4: .*sex/);
    expect(after(withField('unit_mult', '6'))).toMatch(/observations.csv:4: .*unit_mult/);
    expect(after(withField('time_period', '123456789012345678901'))).toMatch(/observations.csv:4: .*time_period/);
  });

  it('reads the same into columns in turns of the event loop, and refuses what it refuses at the same line', async () => {
    expect((await readObservationsCsvInTurns(Buffer.from(text, 'utf8'), 100)).toArray()).toStrictEqual(readObservationsCsv(text));
    // the loop gets its turns while the rows are read: a timer set before fires before the end
    // (read in one go, as readObservationsCsv does, it would not fire once)
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const rows = [text.split('\n')[0], ...Array.from({ length: 45_000 }, () => text.split('\n')[1])].join('\n');
    await expect(readObservationsCsvInTurns(`${rows}\n`)).resolves.toHaveLength(45_000);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    const [header, first] = text.split('\n');
    await expect(readObservationsCsvInTurns(`${header}\n${first!.replace(',100,', ',1e2,')}\n`)).rejects.toThrow('observations.csv:2: obs_value "1e2"');
  });
});
