import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// one module graph per worker, environment stubs undone after each test: ../../vitest.shared.ts says why
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // the compiled CLI and the shared releases' folder, once per run
      globalSetup: ['./src/test-setup.ts'],
    },
  }),
);
