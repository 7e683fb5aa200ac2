import { MchError } from '@mch/core';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestFile } from './ingest';
import { type FixtureCell, buildWorkbook } from './test-support/build-workbook';
import { context } from './test-support/dump';

const HOSTILE = ['=HYPERLINK("http://x","y")', '+cmd|/c calc', '@SUM(A1)', '<script>alert(1)</script>', '\u202e321', '..', 'x', '12,345', '1 234¹', '-7', ' ', '', 'Корея', 'USSR', '"quoted"', 'a;b,c\td'];
const hostile = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 10 }));
const PARTNERS = ['Germany', 'France', 'Italy', 'Spain', 'Poland', 'Greece', 'Israel', 'China'];
const PARTNERS_RU = ['Германия', 'Франция', 'Италия', 'Испания', 'Польша', 'Греция', 'Израиль', 'Китай'];

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16-bom' | 'windows-1251';
/** The encodings countries save CSV in; Windows-1251 loses what it cannot hold, as Excel does. */
function encode(text: string, e: Encoding): Uint8Array {
  if (e === 'utf-8') return new TextEncoder().encode(text);
  if (e === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  if (e === 'utf-16-bom') return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  return new Uint8Array(iconv.encode(text, 'win1251'));
}

/** Accepts a result or a file-unreadable refusal; anything else thrown fails the property. */
async function readOrRefuse(path: string, bytes: Uint8Array) {
  try {
    return await ingestFile({ path, bytes }, context('ARM'));
  } catch (e) {
    expect(e).toBeInstanceOf(MchError);
    expect((e as MchError).code).toBe('file-unreadable');
    return undefined;
  }
}

function csvField(v: string, d: string): string {
  return /["\r\n]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v;
}

describe('property: hostile input keeps the accounting', () => {
  it('long CSV: every data row is one observation or one rejection; written numbers read back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16-bom', 'windows-1251'),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: PARTNERS.length }),
        fc.array(fc.array(hostile, { minLength: 11, maxLength: 11 }), { maxLength: 8 }),
        async (d, encoding, values, junk) => {
          const header = 'REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE,OBS_STATUS,CONF_STATUS,NOTE'.split(',');
          const good = values.map((v, i) => ['ARM', 'T01', '2012', '', i % 2 ? 'F' : 'Женщины', '', i % 2 ? PARTNERS[i]! : PARTNERS_RU[i]!, String(v), '', '', '']);
          const rows = [header, ...good, ...junk].map((r) => r.map((f) => csvField(f, d)).join(d));
          const r = await readOrRefuse('p.csv', encode(`${rows.join('\r\n')}\r\n`, encoding));
          if (!r) return;
          const f = r.files[0]!;
          expect(f.value_cells).toBe(good.length + junk.length);
          expect(f.observations + f.rejections).toBe(f.value_cells);
          for (const [i, v] of values.entries()) {
            const o = r.observations.find((x) => x.source?.cell === String(i + 2));
            expect(o?.obs_value).toBe(v);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('questionnaire: every non-blank value cell is one observation or one rejection; written numbers read back', async () => {
    const NOTE_START = /^\s*(?:notes?\b|примечани|source|источник|\*|\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹])/iu;
    // a row without a label whose first cell starts like a note ("* …") is a note row: keep value cells from looking like one
    const cell = fc.oneof(fc.nat({ max: 1_000_000 }), hostile.map((s) => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, '').replace(NOTE_START, 'v$&')), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 99_999 })), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(hostile.filter((s) => !NOTE_START.test(s) && !/[\u0000-\u001f\ud800-\udfff]/.test(s)), cell, cell, cell), { maxLength: 6 }),
        async (known, junk) => {
          const rows: FixtureCell[][] = [
            ['Population by country of birth'],
            ['Country', 2012, null, null],
            [null, 'Total', 'Men', 'Women'],
            ...known.map(([m, f], i) => [PARTNERS[i]!, m + f, m, f]),
            ...junk.map(([label, ...v]) => [`${label} `, ...v]),
          ];
          const r = await readOrRefuse('p.xlsx', await buildWorkbook([{ name: 'T01', rows, merges: ['B2:D2'] }]));
          if (!r) return;
          const filled = (v: FixtureCell) => v !== null && (typeof v === 'number' || (typeof v === 'string' && v.trim() !== ''));
          const expected = known.length * 3 + junk.reduce((n, [, ...v]) => n + (v.some(filled) ? v.filter(filled).length : 0), 0);
          const f = r.files[0]!;
          expect(f.value_cells).toBe(expected);
          expect(f.observations + f.rejections).toBe(expected);
          for (const [i, [m, w]] of known.entries()) {
            const got = r.observations.filter((o) => o.source?.cell.endsWith(String(i + 4))).map((o) => [o.sex, o.obs_value]);
            // a junk row may repeat a known partner with other values: then both are refused as conflicting
            if (got.length === 3) expect(got).toEqual([['_T', m + w], ['M', m], ['F', w]]);
            else expect(r.rejections.some((x) => x.reason === 'conflicting-value')).toBe(true);
          }
          expect(JSON.stringify(r)).not.toMatch(/[\u202e\u0000]/u);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
