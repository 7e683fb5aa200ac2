// Runs the named corpus files one after another in this process and prints one JSON line each:
// what ingest did and the peak resident memory so far (bounds.test.ts runs one file a process, so
// the peak is the file's), with a 2 GB heap and a timeout:
// `node --max-old-space-size=2048 --import tsx run-heavy.ts SEED SCALE NAME…`.
import { type Scale, hostileCorpus } from './corpus';
import { look } from './judge';

const [seed, scale, ...names] = process.argv.slice(2);
const corpus = new Map(hostileCorpus(Number(seed), scale as Scale).map((f) => [f.name, f]));
for (const name of names) {
  const f = corpus.get(name);
  if (!f) throw new Error(`no corpus file ${name}`);
  console.log(JSON.stringify({ start: name }));
  const seen = await look(f, false);
  console.log(JSON.stringify({ name, seen, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
