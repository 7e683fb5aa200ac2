import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the compiled CLI and the shared releases' folder, once per run
    globalSetup: ['./src/test-setup.ts'],
  },
});
