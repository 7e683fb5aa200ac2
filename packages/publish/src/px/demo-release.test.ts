// The PX files of the committed demonstration release, re-read by the strict reader and held
// against the release's own data/observations.csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';
import { readObservationsCsv } from '../observations-csv';
import { partnerOrder } from '../published/order';
import { MAX_LINE, comparePxWithObservations, readPx } from './index';

const RELEASE = join(REPO_ROOT, 'data', 'releases', '2011.1');

describe('px/ of the published release 2011.1', () => {
  const observations = readObservationsCsv(readFileSync(join(RELEASE, 'data', 'observations.csv'), 'utf8'));
  for (const table of loadShippedTableSet().tables) {
    it(`px/${table.id}.px reads back strictly and holds every published observation of ${table.id}`, () => {
      const bytes = readFileSync(join(RELEASE, 'px', `${table.id}.px`));
      const r = readPx(bytes);
      expect(r.ok ? [] : r.problems).toEqual([]);
      if (!r.ok) return;
      const rows = observations.filter((o) => o.table === table.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(comparePxWithObservations(r.table, table, rows, 20, partnerOrder(loadShippedCodeLists()).kind)).toEqual([]);
      expect(Math.max(...bytes.toString('utf8').split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(MAX_LINE);
    });
  }
});
