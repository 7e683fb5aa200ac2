import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import type { TestProject } from 'vitest/node';

/**
 * Once per test run, before any test file (vitest.config.ts): builds the compiled CLI the tests
 * start (scripts/build.mjs, about a second; it writes only what changed) and makes the folder of
 * the releases they share (testing.ts), removed at the end.
 */
export default function setup(project: TestProject): () => void {
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${build.status}):\n${build.stdout}${build.stderr}`);
  const shared = mkdtempSync(join(tmpdir(), 'mch-cli-shared-'));
  project.provide('mchShared', shared);
  return () => rmSync(shared, { recursive: true, force: true });
}
