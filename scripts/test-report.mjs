// The counting half of `npm test` (test.mjs runs the tasks): pure, so its test can feed it
// vitest's JSON report and check what the last line says.

/** A skipped test says why in its name: "… (needs poppler pdftotext)", "… (skipped: no Chromium found)". */
export function skipReason(name) {
  const m = /\((needs [^()]*|skipped: [^()]*)\)/.exec(name);
  return m ? m[1] : 'no reason in its name';
}

/**
 * One package's vitest JSON report as counts and lines: every test passed, failed or skipped
 * (todo counts as skipped), and a test file that failed before any test ran (a syntax error, a
 * hook) as one failure, so a broken file is never silently zero tests.
 */
export function countVitest(pkg, report) {
  const out = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
  for (const file of report.testResults ?? []) {
    const rel = file.name.replace(/^.*?\/packages\//, 'packages/');
    for (const t of file.assertionResults ?? []) {
      const name = [...(t.ancestorTitles ?? []), t.title].filter(Boolean).join(' › ');
      if (t.status === 'passed') out.passed++;
      else if (t.status === 'failed') {
        out.failed++;
        out.failures.push({ where: `${rel} › ${name}`, message: (t.failureMessages ?? []).join('\n') });
      } else {
        out.skipped++;
        out.skips.push({ where: `${pkg} › ${name}`, reason: skipReason(name) });
      }
    }
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) {
      out.failed++;
      out.failures.push({ where: rel, message: file.message || 'the test file failed before its tests ran' });
    }
  }
  return out;
}

/** The last line of `npm test`. */
export function countLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
