import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT, MchError } from '@mch/core';
import { MANIFEST_DIGEST, compareReleases, readReleaseRecord, sameCodeVersion, verifyRelease, writeRelease } from '@mch/publish';
import { removedOnInterrupt } from '../interrupt';
import { runChain } from '../pipeline/chain';
import { assertPublishFits } from '../pipeline/memory';
import { codeVersion } from '../pipeline/code-version';
import { loadReleaseConfig } from '../pipeline/config';
import { timed } from '../pipeline/progress';
import { argPath, displayPath, findRepoRoot, repoPath } from '../pipeline/repo';
import { fileProblem } from '../pipeline/regular-file';
import { releaseModel } from '../pipeline/release-model';
import { refusal } from './release';
import { differences, openRelease } from './verify';

/** Cell differences printed on stdout; the count of the rest is given. */
const SHOWN = 50;

export default defineCommand({
  meta: { name: 'reproduce', description: 'Rebuild a release from the configuration and inputs its manifest records, and compare.' },
  args: { release: { type: 'positional', description: 'release folder, e.g. data/releases/2011.1', required: true } },
  async run({ args }) {
    const root = findRepoRoot();
    const dir = argPath(String(args.release));
    const shown = displayPath(root, dir);
    openRelease(dir, shown);
    const record = await readReleaseRecord(dir);
    if (!record.configuration) throw new MchError('manifest-invalid', `"${shown}/datapackage.json" records no configuration, so the release cannot be rebuilt`, { where: shown });
    checkInputs(root, shown, [{ path: record.configuration.path, sha256: record.configuration.sha256 }, ...record.inputs]);
    const loaded = loadReleaseConfig(root, record.configuration.path, { inputs: true });
    const now = { ...codeVersion(root), node: process.version };
    const mode = sameCodeVersion({ ...record.codeVersion, node: record.environment.node }, now) ? 'bytes' : 'content';
    console.log(`mch reproduce ${record.version} from ${record.configuration.path} (${mode === 'bytes' ? 'same code version: comparing bytes' : 'another code version or Node.js: comparing content'})`);
    // the published release must first be what its manifest says, its digest file included (as mch verify)
    const verified = await verifyRelease(dir);
    const unverified = differences(verified, `its sha256 is not the one recorded in ${MANIFEST_DIGEST}`);
    if (unverified.length) console.log(`${shown} differs from its own manifest (mch verify ${shown}):\n${unverified.map((l) => `  ${l}`).join('\n')}`);
    // a reproduction computes every country from the recorded inputs: it proves, so it trusts no cache
    const chain = await runChain(loaded, { cache: false });
    const refused = refusal(chain);
    if (refused !== null) return refused;
    assertPublishFits(chain.observations, record.configuration.path);
    const scratch = mkdtempSync(join(tmpdir(), 'mch-reproduce-'));
    const forget = removedOnInterrupt(scratch);
    try {
      const rebuilt = join(scratch, record.version);
      await timed('rebuild ', () => writeRelease(releaseModel(loaded, chain), rebuilt));
      const r = await compareReleases(dir, rebuilt, mode, readFileSync(repoPath(root, record.configuration.path, `${shown}/datapackage.json`), 'utf8'));
      for (const f of r.missing) console.log(`not rebuilt  ${f}`);
      for (const f of r.extra) console.log(`new file     ${f}`);
      for (const f of r.differentBytes) console.log(`${r.wording.includes(f) ? 'wording     ' : r.differentContent.includes(f) ? 'differs     ' : 'bytes only  '} ${f}`);
      printCells(r.cells.filter((c) => !c.wording), 'differing cells');
      printCells(r.cells.filter((c) => c.wording), 'lines worded differently');
      console.log(summary(shown, r.ok, r.wording.length, verified.ok));
      return r.ok && verified.ok ? EXIT.ok : EXIT.data;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      forget();
    }
  },
});

function printCells(cells: { path: string; where: string; published: string; rebuilt: string }[], what: string): void {
  for (const c of cells.slice(0, SHOWN)) console.log(`  ${c.path} ${c.where}: ${c.published} → ${c.rebuilt}`);
  if (cells.length > SHOWN) console.log(`  … and ${cells.length - SHOWN} more ${what}`);
}

function summary(shown: string, ok: boolean, worded: number, verified: boolean): string {
  if (!ok) return `${shown}: the rebuild differs from the published release${verified ? '' : ', which does not match its own manifest either'}`;
  if (!verified) return `${shown}: the rebuild matches, but the published release does not match its own manifest (listed above)`;
  if (!worded) return `${shown}: reproduced, nothing of substance differs`;
  const files = worded === 1 ? '1 file reads' : `${worded} files read`;
  return `${shown}: reproduced, nothing of substance differs: every figure is the same; ${files} differently as this code version words them (lines above)`;
}

/** Every recorded input must still exist with its recorded hash, or the rebuild would not be a reproduction. */
function checkInputs(root: string, shown: string, inputs: { path: string; sha256: string }[]): void {
  const problems: string[] = [];
  for (const i of inputs) {
    const full = repoPath(root, i.path, `${shown}/datapackage.json`);
    const problem = fileProblem(full);
    if (problem === 'does not exist') problems.push(`"${i.path}": missing`);
    else if (problem) problems.push(`"${i.path}" ${problem}`);
    else if (createHash('sha256').update(readFileSync(full)).digest('hex') !== i.sha256) problems.push(`"${i.path}": its content changed since the release (sha256 differs)`);
  }
  if (problems.length) {
    throw new MchError('input-changed', `"${shown}" cannot be reproduced: ${problems.length} recorded input(s) changed or are missing`, { where: shown, details: problems });
  }
}
