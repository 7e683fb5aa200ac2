import { describe, expect, it } from 'vitest';
import type { Step } from './plan';
import { type RunContext, formatReport, replaceSection } from './report';
import type { StepResult } from './run';

const ctx: RunContext = {
  tier: 'M',
  command: 'pnpm bench M',
  date: '2026-12-03',
  machine: '2 × cpu',
  load: [1, 1],
  mch: 'compiled',
  countries: 2,
  years: 20,
  partners: 'every ISO country as partner',
  files: [
    { ref_area: 'ARM', rows: 1000, bytes: 2 ** 20 },
    { ref_area: 'AZE', rows: 1000, bytes: 2 ** 20 },
  ],
  largest: { ref_area: 'ARM', rows: 1000, bytes: 2 ** 20 },
  minutes: 1,
};

const step = (id: string, more: Partial<Step> = {}): Step => ({ id, section: 'one', label: id, argv: ['x'], rows: 1000, ...more });
const result = (s: Step, seconds: number, more: Partial<StepResult> = {}): StepResult => ({ step: s, rows: 1000, seconds, processSeconds: seconds, peakMb: 100, ...more });

/** A run where mch ingest takes `ingest` seconds against pandas's 10, over a csv-parse floor of 1 s. */
function run(ingest: number): StepResult[] {
  return [
    result(step('csv-floor-one', { rows: 'reported', floor: ['csv-floor-one'] }), 1),
    result(step('mch-ingest-one', { floor: ['csv-floor-one'], pandas: 'pandas-ingest-one' }), ingest),
    result(step('pandas-ingest-one', { floor: ['csv-floor-one'] }), 10),
    result(step('mch-release-one', { pandas: 'pandas-chain-one' }), 3),
    result(step('pandas-chain-one'), 10, { failed: 'exit 1: no pandas' }),
  ];
}

describe('bench report', () => {
  it('gives the ratios to the floor and to pandas, and says whether a target is met', () => {
    const fast = formatReport(ctx, run(5));
    expect(fast).toContain('| mch-ingest-one | 1 000 | 5.00 | 200 | 100 | 5.00× | 0.50× |');
    expect(fast).toContain("`mch ingest` of ARM's long CSV against the pandas script: 0.50× (at most 0.6×): **met**");
    const slow = formatReport(ctx, run(7));
    expect(slow).toContain('0.70× (at most 0.6×): **not met**');
  });

  it('says a step failed and claims no target on it', () => {
    const text = formatReport(ctx, run(5));
    expect(text).toContain('| pandas-chain-one | | failed: exit 1: no pandas | | | | |');
    expect(text).not.toContain('whole chain of ARM');
  });

  it('replaces its own section of BENCHMARKS.md and leaves the text around it', () => {
    const once = replaceSection('# Benchmarks\n\nReading.\n', 'M', 'figures 1');
    expect(once).toMatch(/^# Benchmarks\n\nReading\.\n\n<!-- pnpm bench M --write[^\n]*-->\nfigures 1\n<!-- end of pnpm bench M -->\n$/);
    const twice = replaceSection(`${once}\nAfter.\n`, 'M', 'figures 2');
    expect(twice).toContain('figures 2');
    expect(twice).not.toContain('figures 1');
    expect(twice.endsWith('<!-- end of pnpm bench M -->\n\nAfter.\n')).toBe(true);
    expect(replaceSection(twice, 'S', 'small')).toContain('figures 2');
  });
});
