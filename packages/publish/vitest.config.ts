// one module graph per worker, environment stubs undone after each test: ../../vitest.shared.ts says why
export { default } from '../../vitest.shared.ts';
