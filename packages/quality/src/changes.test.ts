import { describe, expect, it } from 'vitest';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';

// release 2011.1 raised an A01 error on ARM T05 2010 and a warning on KAZ; 2013.1 is checked now
const a01 = (men: number, year = 2010) => [o(`ARM|T05|${year}|LT|_T||_T`, 5210), o(`ARM|T05|${year}|LT|M||_T`, men), o(`ARM|T05|${year}|LT|F||_T`, 2790)];
const previousRound = () => runQuality(input([...a01(2400), ...a01(2400, 2011)], { config: { version: '2011.1', release_date: '2011-11-15' } }));

describe('findings against the previous release (new, still open, resolved)', () => {
  it('tells which findings are new, which remain and which the countries fixed', () => {
    const before = previousRound();
    // 2010 corrected by a resubmission, 2011 still wrong, 2012 newly wrong
    const now = runQuality(input([...a01(2420), ...a01(2400, 2011), ...a01(2300, 2012)], { previousReport: before }));
    const c = now.changes!;
    expect(c.previous_version).toBe('2011.1');
    expect(c.new).toEqual(['MCH-A01:ARM|T05|2012|LT|_T||_T']);
    // the clearance and metadata of ARM were missing then and are missing now
    expect(c.still_open).toEqual(['MCH-A01:ARM|T05|2011|LT|_T||_T', 'MCH-G01:ARM|clearance', 'MCH-G01:ARM|metadata']);
    expect(c.resolved).toEqual([expect.objectContaining({ id: 'MCH-A01:ARM|T05|2010|LT|_T||_T', severity: 'error', ref_area: 'ARM', time_period: 2010, message: expect.stringContaining('total 5 210 ≠ men 2 400') })]);
    expect(now.run_warnings?.map((w) => w.kind)).toEqual([]);
  });

  it('keeps revisions and run warnings out, and does not call a year outside the release resolved', () => {
    const before = previousRound();
    const now = runQuality(input(a01(2420), { previousReport: before, config: { reference_years: [2010, 2012] } }));
    expect(now.changes?.resolved.map((f) => f.time_period)).toEqual([2010]);
  });

  it('compares only when asked: a release never depends on a report left on the machine', () => {
    const release = runQuality(input(a01(2420), { previous: { version: '2011.1', observations: a01(2400) } }));
    expect(release.changes).toBeNull();
    expect(release.run_warnings).toEqual([]);
  });

  it('says so as a warning about the run when the previous release is known but its report is not', () => {
    const now = runQuality(input(a01(2420), { previous: { version: '2011.1', observations: a01(2400) }, compareWithPrevious: true }));
    expect(now.changes).toBeNull();
    expect(now.run_warnings).toEqual([
      {
        finding: 'MCH-W01:previous-report|2011.1',
        kind: 'previous-report-missing',
        ref_area: '',
        message: expect.stringContaining('not compared with release 2011.1: its internal quality report (data/reports/2011.1/report.json) was not found'),
        message_ru: expect.stringContaining('не сопоставлены с выпуском 2011.1'),
      },
    ]);
  });
});
