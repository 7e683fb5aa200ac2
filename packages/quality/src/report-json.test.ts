import { FindingGroup, QualityReport } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { groupFindings } from './groups';
import { reportJson, reportJsonChunks } from './report-json';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';
import { noisyReport } from './testing/noisy-report';

describe('report.json, written in pieces', () => {
  it('is the bytes of one whole JSON.stringify with 2-space indentation, groups last', () => {
    const report = runQuality(input([o('ARM|T05|2012|LT|_T||_T', 5210), o('ARM|T05|2012|LT|M||_T', 2400), o('ARM|T05|2012|LT|F||_T', 2790), o('KAZ|T04|2012|LT|_T||RUS', 300)]));
    const text = reportJson(report);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const json = JSON.parse(text);
    expect(Object.keys(json).at(-1)).toBe('groups');
    expect(json.groups).toEqual(groupFindings(report.findings));
    // empty arrays and nulls as a whole stringify writes them
    expect(text).toContain('  "submissions": [],\n');
    expect(text).toContain('  "changes": null,\n');
  });

  it('streams 20 000 findings in pieces no larger than one finding, and reads back with the model’s schema', () => {
    const report = noisyReport(20_000);
    let text = '';
    let largest = 0;
    let pieces = 0;
    for (const chunk of reportJsonChunks(report)) {
      largest = Math.max(largest, chunk.length);
      pieces++;
      text += chunk;
    }
    // one piece per element: never a string of everything
    expect(largest).toBeLessThan(4_000);
    expect(pieces).toBeGreaterThan(2 * 20_000);
    const parsed = QualityReport.parse(JSON.parse(text));
    expect(parsed.findings).toHaveLength(20_000);
    expect(parsed.findings.map((f) => f.id)).toEqual(report.findings.map((f) => f.id));
    expect(FindingGroup.array().parse(parsed.groups).reduce((n, g) => n + g.count, 0)).toBe(20_000);
  });
});
