import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './report-html';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';
import { REPORT_TEMPLATE } from './write';

// quality.md: the page is tested in a real browser; scale-and-safety.md: skipped (never passed) without one, failed under CI
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executable = CANDIDATES.find((p): p is string => !!p && existsSync(p));
const needed = process.env.CI === 'true';

describe.skipIf(!executable && !needed)(`report.html in Chromium${executable ? '' : ' (skipped: no Chromium found; set CHROMIUM_PATH)'}`, () => {
  it('filters findings by country offline, without a single network request', async () => {
    expect(executable, 'Chromium is required under CI').toBeDefined();
    const report = runQuality(input([o('ARM|T05|2012|LT|_T||_T', 10), o('ARM|T05|2012|LT|M||_T', 1), o('ARM|T05|2012|LT|F||_T', 1), o('KAZ|T04|2012|LT|_T||RUS', 3)]));
    const html = renderReportHtml(report, readFileSync(REPORT_TEMPLATE, 'utf8'));
    const browser = await chromium.launch({ executablePath: executable });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(html);
      const all = await page.locator('#findings tbody tr:visible').count();
      await page.selectOption('#f-country', 'KAZ');
      const kaz = await page.locator('#findings tbody tr:visible').count();
      expect(all).toBe(report.findings.length);
      expect(kaz).toBe(report.findings.filter((f) => f.ref_area === 'KAZ').length);
      expect(await page.textContent('#f-count')).toBe(`${kaz} / ${all}`);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
