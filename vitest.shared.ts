import { defineConfig } from 'vitest/config';

/**
 * The vitest settings of every package's tests (each package's vitest.config.ts takes these):
 * test files share one module graph per worker instead of importing every module again each
 * (exceljs, pdfmake, the zod schemas …): publish's tests took 0.62× the time, quality's 0.48×,
 * `npm test` 173 s instead of 260. What a test changes of the process is put back after it:
 * spies (`vi.restoreAllMocks` in the files that spy) and environment variables (`vi.stubEnv`,
 * undone after each test here; one set by hand is put back in the test's finally). office keeps
 * vitest's isolation: its measure-once test lays out a document with pdfmake unpatched.
 */
export default defineConfig({
  test: {
    isolate: false,
    unstubEnvs: true,
  },
});
