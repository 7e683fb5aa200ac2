import { describe, expect, it } from 'vitest';
import { ingestFile } from './ingest';
import { context } from './test-support/dump';

const csv = (lines: string[]) => new TextEncoder().encode(`TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\n${lines.join('\n')}\n`);

describe('conflicting values', () => {
  it('refuses every cell of a key given different values, naming a few of the others', async () => {
    const r = await ingestFile({ path: 'c.csv', bytes: csv(['T02,2012,F,DEU,1', 'T02,2012,F,DEU,2', 'T02,2012,F,FRA,3']) }, context('ARM'));
    expect(r.observations.map((o) => o.partner)).toEqual(['FRA']);
    expect(r.rejections.map((x) => x.message)).toEqual([
      'c.csv, line 2 "T02,2012,F,DEU,1": another cell gives a different value for the same observation (3 "T02,2012,F,DEU,2"); none is kept',
      'c.csv, line 3 "T02,2012,F,DEU,2": another cell gives a different value for the same observation (2 "T02,2012,F,DEU,1"); none is kept',
    ]);
  });

  it('a key repeated 20 000 times costs messages of five cells each, not of 20 000', async () => {
    const r = await ingestFile({ path: 'c.csv', bytes: csv(Array.from({ length: 20_000 }, (_, i) => `T02,2012,F,DEU,${i}`)) }, context('ARM'));
    expect(r.files[0]).toMatchObject({ value_cells: 20_000, observations: 0, rejections: 20_000 });
    expect(r.rejections[0]!.message).toMatch(/\(3 "T02,2012,F,DEU,1", 4 .*, 7 "T02,2012,F,DEU,5" and 19994 more\); none is kept$/u);
    expect(r.rejections[0]!.message_ru).toMatch(/ и ещё 19994\); ни одно не принято$/u);
    // the same figure repeated is no conflict: every copy is kept
    const same = await ingestFile({ path: 'c.csv', bytes: csv(Array.from({ length: 20_000 }, () => 'T02,2012,F,DEU,5')) }, context('ARM'));
    expect(same.files[0]).toMatchObject({ observations: 20_000, rejections: 0 });
  });

  it('finds the one repeated key among thousands that differ in one field each, and only it', async () => {
    const partners = ['DEU', 'FRA', 'ITA', 'POL', 'ESP'];
    const distinct = ['T01', 'T02'].flatMap((t) => ['2011', '2012'].flatMap((y) => ['M', 'F', '_T'].flatMap((s) => partners.map((p) => `${t},${y},${s},${p},1`))));
    const none = await ingestFile({ path: 'c.csv', bytes: csv(distinct) }, context('ARM'));
    expect(none.files[0]).toMatchObject({ observations: distinct.length, rejections: 0 });
    // the first key again at the end, with another figure: both cells refused, far apart as they are
    const one = await ingestFile({ path: 'c.csv', bytes: csv([...distinct, 'T01,2011,M,DEU,2']) }, context('ARM'));
    expect(one.files[0]).toMatchObject({ observations: distinct.length - 1, rejections: 2 });
    expect(one.rejections.map((x) => [x.reason, x.source.cell])).toEqual([
      ['conflicting-value', '2'],
      ['conflicting-value', String(distinct.length + 2)],
    ]);
  });
});
