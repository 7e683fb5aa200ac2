import { describe, expect, it } from 'vitest';
import { scorecardsMarkup } from './quality-scorecards';
import type { PublicScorecard } from './quality-summary';

const card = (files: PublicScorecard['files'], received: number, present: number): PublicScorecard => ({
  ref_area: 'ARM',
  files,
  tables: ['T04'],
  cells_received: received,
  cells_present: present,
  rules: [],
  errors: 0,
  warnings: 0,
  info: 0,
  waived: 0,
});
const file = (value_cells: number) => ({ file: `f${value_cells}.xlsx`, received: '2013-06-30', value_cells, observations: value_cells, rejections: 0 });
const sentLine = (c: PublicScorecard) => scorecardsMarkup({ countries: [c] } as never, () => ({ en: 'Armenia' })).find((l) => l.startsWith('Sent:'))!;

describe('public scorecards', () => {
  it('say the value cells of the files listed that the count of cells received leaves out, so the count and the file table agree', () => {
    // before: "4 392 of 4 392 cells received" above files of 2 196 + 2 196 + 279 value cells, with nothing said
    expect(sentLine(card([file(2196), file(2196), file(279)], 4392, 4392))).toContain('4\u202f392 of 4\u202f392 cells received hold a figure (100.0\u00a0%); 0 refused at reading. 279 more value cells of these files are not in this count');
    expect(sentLine(card([file(2196)], 2196, 2196))).not.toContain('not in this count');
  });

  it('round the share of cells holding a figure once, half up, from the counts', () => {
    // 201 / 400 = 0.5025, which binary arithmetic and toFixed had shown as 50.2
    expect(sentLine(card([file(400)], 400, 201))).toContain('201 of 400 cells received hold a figure (50.3\u00a0%)');
  });
});
