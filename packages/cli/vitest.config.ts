import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the compiled CLI and the shared releases' folder, once per run
    globalSetup: ['./src/test-setup.ts'],
    // one module graph per worker, as in the other packages (their vitest.config.ts says why)
    isolate: false,
  },
});
