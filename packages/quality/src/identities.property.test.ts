import type { Observation, Rejection } from '@mch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQuality } from './run';
import { grid, input, o, refusedAt } from './testing/fixtures';

// Partitions that add up, then holes punched in them: a part missing (`..`), confidential, or
// refused at ingest (no observation at all, only a rejection at its cell). No identity that
// contains a hole may fail; each must be counted as skipped (quality.md: skip, never fail).

const BIRTH = ['KAZ', 'RUS', 'UKR', 'DEU', 'TUR', 'SUN', 'OTH', 'UNK'];
const AGES = ['Y_LT15', 'Y15-64', 'Y_GE65', '_U'];
const SUMS = ['MCH-A01', 'MCH-A02', 'MCH-A03', 'MCH-A04'];

const counts = (n: number) => fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })), { minLength: n, maxLength: n });
const damage = (rows: number) =>
  fc.uniqueArray(
    fc.record({ row: fc.nat({ max: rows - 1 }), sex: fc.constantFrom(0, 1, 2), kind: fc.constantFrom('missing', 'confidential', 'refused'), noise: fc.integer({ min: -500, max: 500 }) }),
    { minLength: 1, maxLength: 6, selector: (d) => `${d.row}|${d.sex}` },
  );
type Damage = { row: number; sex: number; kind: 'missing' | 'confidential' | 'refused'; noise: number };

/** Rows of [total, men, women] that add up, the total row last. */
function table(men: [number, number][]): (number | null)[][] {
  const rows = men.map(([m, f]) => [m + f, m, f]);
  const total = [0, 1, 2].map((k) => rows.reduce((s, r) => s + r[k]!, 0));
  return [...rows, total];
}

/** Punches the holes into a grid sheet (rows from 5, columns C D E). */
function punch(cells: Observation[], categories: string[], holes: Damage[], table: string): { observations: Observation[]; rejections: Rejection[] } {
  const rejections: Rejection[] = [];
  const observations = cells.flatMap((c) => {
    const d = holes.find((h) => c.source?.cell === `${'CDE'[h.sex]}${h.row + 5}` && categories[h.row] === (c.partner || c.age));
    if (!d) return [c];
    if (d.kind === 'refused') {
      rejections.push(refusedAt(c.ref_area, table, c.source!.cell));
      return [];
    }
    if (d.kind === 'missing') return [{ ...c, obs_value: null, obs_status: 'O' as const }];
    // a confidential figure may be anything: the rule must not use it
    return [{ ...c, obs_value: Math.max(0, (c.obs_value ?? 0) + d.noise), obs_status: 'Q' as const, conf_status: 'C' as const }];
  });
  return { observations, rejections };
}

function birthTable(men: [number, number][]) {
  const rows = table(men);
  const cells = grid('KAZ|T01|2012|', [...BIRTH.map((p, i) => [p, rows[i]!] as [string, (number | null)[]]), ['_T', rows[BIRTH.length]!]]);
  // the foreign-born stock: everyone but the native-born and the unknown
  const foreign = rows[BIRTH.length]![0]! - rows[0]![0]! - rows[BIRTH.length - 1]![0]!;
  return { cells, stock: o('KAZ|T03|2012||_T|_T|', foreign) };
}

function sumFindings(observations: Observation[], rejections: Rejection[] = []) {
  const report = runQuality(input(observations, { config: { countries: { KAZ: {} } }, data: { rejections } }));
  const rules = report.rules.filter((r) => SUMS.includes(r.id));
  return { failed: report.findings.filter((f) => SUMS.includes(f.rule)), skipped: rules.reduce((s, r) => s + r.skipped, 0) };
}

describe('property: identities with a missing, confidential or refused part skip, never fail', () => {
  it('sex, partner and cross-table identities (A01, A03, A04) of a population by country of birth', () => {
    fc.assert(
      fc.property(counts(BIRTH.length), damage(BIRTH.length), (men, holes) => {
        const { cells, stock } = birthTable(men);
        const { observations, rejections } = punch(cells, BIRTH, holes, 'T01');
        const r = sumFindings([...observations, stock], rejections);
        expect(r.failed.map((f) => f.message)).toEqual([]);
        expect(r.skipped).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('age partitions with unknown age (A01, A02)', () => {
    fc.assert(
      fc.property(counts(AGES.length), damage(AGES.length), (men, holes) => {
        const rows = table(men);
        const cells = grid('KAZ|T07|2012|NAT', [...AGES.map((a, i) => [a, rows[i]!] as [string, (number | null)[]]), ['_T', rows[AGES.length]!]], false);
        const { observations, rejections } = punch(cells, AGES, holes, 'T07');
        const r = sumFindings(observations, rejections);
        expect(r.failed.map((f) => f.message)).toEqual([]);
        expect(r.skipped).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('the same partitions without holes fail as soon as one part is wrong', () => {
    fc.assert(
      fc.property(counts(BIRTH.length), fc.nat({ max: BIRTH.length - 1 }), fc.integer({ min: 1, max: 300 }), (men, row, slip) => {
        const { cells, stock } = birthTable(men);
        expect(sumFindings([...cells, stock]).failed).toEqual([]);
        // the men of one partner row keyed too high, the total left as it was
        const wrong = cells.map((c) => (c.partner === BIRTH[row] && c.sex === 'M' ? { ...c, obs_value: c.obs_value! + slip } : c));
        expect(sumFindings([...wrong, stock]).failed.map((f) => f.rule)).toEqual(expect.arrayContaining(['MCH-A01', 'MCH-A03']));
      }),
      { numRuns: 60 },
    );
  });
});
