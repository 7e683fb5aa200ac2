import { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { MAX_UNMAPPED_LABELS } from './env';
import { ingestFile } from './ingest';
import { context } from './test-support/dump';

const csv = (partners: string[]) => new TextEncoder().encode(`TABLE,TIME_PERIOD,SEX,PARTNER,OBS_VALUE\n${partners.map((p) => `T02,2012,F,${p},1`).join('\n')}\n`);

describe('unknown labels', () => {
  it('each is refused with suggestions, once looked up however often it repeats', async () => {
    const r = await ingestFile({ path: 'l.csv', bytes: csv(Array.from({ length: 3_000 }, () => 'Atlantis')) }, context('ARM'));
    expect(r.files[0]).toMatchObject({ value_cells: 3_000, rejections: 3_000 });
    expect(r.rejections[0]!.suggestions.length).toBeGreaterThan(0);
  });

  it('more different ones than any questionnaire holds refuse the file before their suggestions take minutes', async () => {
    const labels = Array.from({ length: MAX_UNMAPPED_LABELS + 1 }, (_, i) => `Atlantis ${i}`);
    const err = await ingestFile({ path: 'l.csv', bytes: csv(labels) }, context('ARM')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MchError);
    expect((err as MchError).message).toBe('l.csv: more than 1000 different labels map to no code (the last "Atlantis 1000"); is it a questionnaire of this table set?');
  }, 60_000);
});
