import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MchError } from '@mch/core';
import { MANIFEST } from '../datapackage';

/** What a release's manifest records about how it was made (the `mch` block of datapackage.json). */
export interface ReleaseRecord {
  version: string;
  configuration: { path: string; sha256: string } | null;
  inputs: { path: string; sha256: string }[];
  codeVersion: { packages: Record<string, string>; lockfile_sha256: string };
  environment: { node: string; platform: string };
}

export async function readReleaseRecord(dir: string): Promise<ReleaseRecord> {
  const where = join(dir, MANIFEST);
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(await readFile(where, 'utf8'));
  } catch (error) {
    throw new MchError('manifest-invalid', `${where} cannot be read as JSON: ${(error as Error).message}`, { where, cause: error });
  }
  const fail = (field: string): never => {
    throw new MchError('manifest-invalid', `${where}: ${field} is missing or malformed`, { where: `${where}: ${field}` });
  };
  const mch = (m.mch ?? fail('mch')) as Record<string, unknown>;
  const hash = (h: unknown, field: string) => (typeof h === 'string' && /^sha256:[0-9a-f]{64}$/.test(h) ? h.slice(7) : fail(field));
  const configuration = mch.configuration as { path?: unknown; hash?: unknown } | null;
  const inputs = Array.isArray(mch.inputs) ? mch.inputs : fail('mch.inputs');
  const code = (mch.code_version ?? fail('mch.code_version')) as { packages?: Record<string, string>; lockfile_hash?: string };
  const env = (mch.environment ?? fail('mch.environment')) as { node?: string; platform?: string };
  return {
    version: typeof m.version === 'string' ? m.version : fail('version'),
    configuration: configuration
      ? { path: typeof configuration.path === 'string' ? configuration.path : fail('mch.configuration.path'), sha256: hash(configuration.hash, 'mch.configuration.hash') }
      : null,
    inputs: inputs.map((i: { path?: unknown; hash?: unknown }, n: number) => ({
      path: typeof i.path === 'string' ? i.path : fail(`mch.inputs.${n}.path`),
      sha256: hash(i.hash, `mch.inputs.${n}.hash`),
    })),
    codeVersion: { packages: code.packages ?? fail('mch.code_version.packages'), lockfile_sha256: code.lockfile_hash ? code.lockfile_hash.replace(/^sha256:/, '') : '' },
    environment: { node: env.node ?? '', platform: env.platform ?? '' },
  };
}

/** Same package versions, lockfile and Node.js major version: then a rebuild must give the same bytes. */
export function sameCodeVersion(a: ReleaseRecord['codeVersion'] & { node: string }, b: ReleaseRecord['codeVersion'] & { node: string }): boolean {
  const major = (v: string) => /^v?(\d+)/.exec(v)?.[1] ?? v;
  return JSON.stringify(sortedEntries(a.packages)) === JSON.stringify(sortedEntries(b.packages)) && a.lockfile_sha256 === b.lockfile_sha256 && major(a.node) === major(b.node);
}

function sortedEntries(r: Record<string, string>): [string, string][] {
  return Object.entries(r).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}
