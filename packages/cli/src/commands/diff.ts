import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { EXIT, MchError, type Observation } from '@mch/core';
import { diffCsv, diffObservations, readObservationsCsv } from '@mch/publish';
import { formatCount } from '../pipeline/progress';
import { newOutputFile, writeWhole } from '../pipeline/outputs';
import { argPath } from '../pipeline/repo';
import { readReleaseCsv } from '../pipeline/release-csv';

export default defineCommand({
  meta: { name: 'diff', description: 'List revised, new and withdrawn values between two releases.' },
  args: {
    old: { type: 'positional', description: 'the earlier release folder', required: true },
    new: { type: 'positional', description: 'the later release folder', required: true },
    out: { type: 'string', description: 'write every change to this CSV file' },
  },
  async run({ args }) {
    const out = args.out === undefined ? undefined : newOutputFile(argPath(args.out), args.out, '--out');
    const before = releaseObservations(String(args.old));
    const after = releaseObservations(String(args.new));
    const changes = diffObservations(before, after);
    const count = (kind: string) => changes.filter((c) => c.change === kind).length;
    console.log(`${args.old} → ${args.new}: ${formatCount(count('revised'))} revised, ${formatCount(count('new'))} new, ${formatCount(count('withdrawn'))} withdrawn`);
    const byCountry = new Map<string, number>();
    for (const c of changes) if (c.change !== 'new') byCountry.set(`${c.ref_area} ${c.table}`, (byCountry.get(`${c.ref_area} ${c.table}`) ?? 0) + 1);
    for (const [where, n] of [...byCountry].sort()) console.log(`  ${where}: ${n} revised or withdrawn`);
    if (out) {
      writeWhole([{ path: out, bytes: diffCsv(changes) }]);
      console.log(`wrote ${args.out}: ${formatCount(changes.length)} changes`);
    }
    return EXIT.ok;
  },
});

function releaseObservations(dir: string): Observation[] {
  const csv = join(argPath(dir), 'data', 'observations.csv');
  if (!existsSync(csv)) throw new MchError('file-unreadable', `"${dir}" is not a release folder: data/observations.csv is missing`, { where: dir });
  return readObservationsCsv(readReleaseCsv(csv, `${dir}/data/observations.csv`));
}
