// pnpm demo-data [OUT-DIR]: writes the demonstration submissions (default data/raw).
import { join, resolve } from 'node:path';
import { writeDemoData } from './write';

const out = resolve(process.argv[2] ?? join(process.cwd(), 'data/raw'));
const files = await writeDemoData(out, process.cwd());
console.log(`wrote ${files.length} files to ${out}`);
