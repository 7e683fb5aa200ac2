import { defineCommand } from 'citty';
import { EXIT } from '@mch/core';
import { diffCsv, diffObservations } from '@mch/publish';
import { formatCount } from '../pipeline/progress';
import { newOutputFile, writeWhole } from '../pipeline/outputs';
import { RELEASE_CSV, checkReleaseFolder, readReleaseObservations } from '../pipeline/release-folder';
import { argPath } from '../pipeline/repo';

export default defineCommand({
  meta: { name: 'diff', description: 'List revised, new and withdrawn values between two releases.' },
  args: {
    old: { type: 'positional', description: 'the earlier release folder', required: true },
    new: { type: 'positional', description: 'the later release folder', required: true },
    out: { type: 'string', description: 'write every change to this CSV file' },
  },
  async run({ args }) {
    const out = args.out === undefined ? undefined : newOutputFile(argPath(args.out), args.out, '--out');
    // both folders looked at before either is read: a typo in the second costs nothing
    for (const release of [args.old, args.new]) checkReleaseFolder(argPath(release), release, [RELEASE_CSV]);
    const before = readReleaseObservations(argPath(args.old), args.old);
    const after = readReleaseObservations(argPath(args.new), args.new);
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
