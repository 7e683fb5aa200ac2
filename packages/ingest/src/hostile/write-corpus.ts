// Writes the hostile corpus to a folder, with a manifest of what each file is and what ingest must
// do with it: `npx tsx src/hostile/write-corpus.ts OUT_DIR [--seed N] [--full]` from packages/ingest.
// Then, for instance: `pnpm mch ingest OUT_DIR/*.csv --country ARM --out /tmp/x`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileCorpus } from './corpus';

const [dir, ...flags] = process.argv.slice(2);
if (!dir) {
  console.error('usage: write-corpus.ts OUT_DIR [--seed N] [--full]');
  process.exit(2);
}
const seedAt = flags.indexOf('--seed');
const seed = seedAt >= 0 ? Number(flags[seedAt + 1]) : 12;
const files = hostileCorpus(seed, flags.includes('--full') ? 'full' : 'ci');
mkdirSync(dir, { recursive: true });
for (const f of files) writeFileSync(join(dir, f.name), f.bytes());
const manifest = files.map(({ name, category, what, expect, heavy, soffice }) => ({ name, category, what, expect, heavy: !!heavy, soffice: !!soffice }));
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ seed, files: manifest }, null, 2)}\n`);
console.log(`${files.length} files in ${dir}`);
