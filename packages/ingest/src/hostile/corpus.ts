// The hostile corpus: several hundred files over every kind of bad input, the same bytes for the
// same seed. Each family draws from its own generator, so the CI slice (smaller counts) is the
// beginning of each family of the full corpus, not another corpus.
import { mulberry32 } from '@mch/core';
import { baseSheet, questionnaire } from './base';
import { csvCases } from './csv-cases';
import { file } from './make';
import { officeCases } from './office-cases';
import { sheetCases } from './sheet-cases';
import { type HostileFile, rand } from './types';
import { xmlCases } from './xml-cases';
import { BASE_XLSX, zipCases } from './zip-cases';

export type Scale = 'ci' | 'full';

const COUNTS = {
  ci: { flips: 16, cuts: 8, xlsFlips: 2, quotes: 4, big: [1_000, 320_000] },
  full: { flips: 120, cuts: 40, xlsFlips: 40, quotes: 20, big: [1_000, 180_000, 320_000, 1_000_000] },
};

export function hostileCorpus(seed = 12, scale: Scale = 'ci'): HostileFile[] {
  const n = COUNTS[scale];
  const family = (k: number) => rand(mulberry32(seed * 1_000 + k));
  const base = questionnaire(baseSheet(family(0)));
  const files = [
    file('valid', 'questionnaire', 'xlsx', () => base, { outcome: 'read', valueCells: 60, rejections: 0 }),
    ...zipCases(family(1), base, { flips: n.flips, cuts: n.cuts, full: scale === 'full' }),
    ...sheetCases(family(2)),
    ...xmlCases(family(3)),
    ...officeCases(family(4), { flips: n.xlsFlips, full: scale === 'full' }),
    ...csvCases(family(5), { quotes: n.quotes, big: n.big }),
  ];
  if (files[0]!.name !== BASE_XLSX) throw new Error(`the base questionnaire must be named ${BASE_XLSX}`);
  // random positions may repeat: the second of a name gets a number, the same on every run
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    return n === 1 ? f : { ...f, name: f.name.replace(/(\.\w+)$/u, `-${n}$1`) };
  });
}
