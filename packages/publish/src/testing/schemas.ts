// Where the official schemas the tests validate against are kept: the shared specification's
// schemas/ folder beside the repository (../shared/schemas), or MCH_SCHEMAS. They are not copied
// into the project, so a checkout without them skips those validations and says why.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';

const CANDIDATES = [process.env.MCH_SCHEMAS, resolve(REPO_ROOT, '../shared/schemas'), '/work/shared/schemas'].filter((p): p is string => Boolean(p));

/** The folder holding `sub` (e.g. "datapackage-2.0"), or null with the places looked at. */
export function schemaDir(sub: string): { dir: string | null; looked: string[] } {
  const looked = CANDIDATES.map((c) => resolve(c, sub));
  return { dir: looked.find((p) => existsSync(p)) ?? null, looked };
}
