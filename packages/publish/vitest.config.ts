import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test files share one module graph per worker instead of importing every module again each
    // (exceljs, pdfmake, zod schemas …): publish's tests took 0.62× the time, quality's 0.48×.
    // No test here patches a module for itself: spies are restored after each, and the
    // environment variables a test sets are put back in its finally.
    isolate: false,
  },
});
