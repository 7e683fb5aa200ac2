import { describe, expect, it } from 'vitest';
import { countLine, countVitest, skipReason } from './test-report.mjs';

const file = (name, assertionResults, extra = {}) => ({ name: `/repo/packages/cli/src/${name}`, status: 'passed', message: '', assertionResults, ...extra });
const test = (title, status, failureMessages = []) => ({ ancestorTitles: ['mch'], title, status, failureMessages });

describe('the count line of npm test', () => {
  it('counts passed, failed and skipped tests, each skip with the reason its name gives', () => {
    const c = countVitest('@mch/cli', {
      testResults: [
        file('a.test.ts', [test('reads a file', 'passed'), test('renders the notes (needs poppler pdftotext)', 'skipped'), test('later', 'todo')]),
        file('b.test.ts', [test('exits 2', 'failed', ['expected 0 to be 2'])], { status: 'failed' }),
      ],
    });
    expect(countLine(c)).toBe('1 passed, 1 failed, 2 skipped');
    expect(c.skips).toEqual([
      { where: '@mch/cli › mch › renders the notes (needs poppler pdftotext)', reason: 'needs poppler pdftotext' },
      { where: '@mch/cli › mch › later', reason: 'no reason in its name' },
    ]);
    expect(c.failures).toEqual([{ where: 'packages/cli/src/b.test.ts › mch › exits 2', message: 'expected 0 to be 2' }]);
  });

  it('counts a test file that failed before any test ran as one failure, not as zero tests', () => {
    const c = countVitest('@mch/cli', { testResults: [file('c.test.ts', [], { status: 'failed', message: 'SyntaxError: Unexpected token' })] });
    expect(countLine(c)).toBe('0 passed, 1 failed, 0 skipped');
    expect(c.failures[0]).toEqual({ where: 'packages/cli/src/c.test.ts', message: 'SyntaxError: Unexpected token' });
  });

  it('reads both ways tests give their reason', () => {
    expect(skipReason('opens in LibreOffice (skipped: LibreOffice not installed)')).toBe('skipped: LibreOffice not installed');
    expect(skipReason('report.html in Chromium (skipped: no Chromium found; set CHROMIUM_PATH) › draws')).toBe('skipped: no Chromium found; set CHROMIUM_PATH');
  });
});
