import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cmp } from '@mch/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summariseChanges } from './changes';
import { type ReleaseFormat, releaseFormats } from './formats';
import { parseMarkup } from './pdf/markup';
import { methodologyMarkup } from './pdf/notes';
import { notesView } from './pdf/notes-view';
import { publishedRelease } from './published/index';
import { publicQualitySummary } from './quality-summary';
import { writeRelease } from './release';
import { fixtureModel } from './testing/fixture';

/** Whether a format's path ("a, b", "px/T01.px … px/T11.px", "site/") names a file of the release. */
function names(format: ReleaseFormat, file: string): boolean {
  return format.path.split(', ').some((part) => {
    const range = /^(\w+)\/(\w+)\.(\w+) … \1\/(\w+)\.\3$/.exec(part);
    if (!range) return part.endsWith('/') ? file.startsWith(part) : file === part;
    const m = new RegExp(`^${range[1]}/(\\w+)\\.${range[3]}$`).exec(file);
    return m !== null && cmp(m[1]!, range[2]!) >= 0 && cmp(m[1]!, range[4]!) <= 0;
  });
}

const model = fixtureModel();
const formats = releaseFormats(model.tableSet.tables);
let dir: string;
let written: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mch-formats-'));
  written = await writeRelease(model, join(dir, '2013.1'));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the formats of a release (formats.ts)', () => {
  it('tell every file a release writes, and no file it does not', () => {
    expect(written.filter((f) => !formats.some((x) => names(x, f)))).toEqual([]);
    expect(formats.filter((x) => !written.some((f) => names(x, f))).map((x) => x.path)).toEqual([]);
    expect(names(formats.find((x) => x.path.startsWith('px/'))!, 'px/T12.px')).toBe(false);
  });

  it('are on the cover sheet of every workbook, in both languages', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(join(dir, '2013.1', 'tables', 'T07.xlsx'))) as unknown as ArrayBuffer);
    const lines: string[] = [];
    wb.getWorksheet('Cover')!.eachRow((row) => lines.push(String(row.getCell(1).value)));
    for (const f of formats) expect(lines).toContain(`${f.path}: ${f.en} / ${f.ru}`);
  });

  it('are in section 10 of both notes, each with what it is for', async () => {
    const release = publishedRelease(model);
    const summary = publicQualitySummary(model.quality, model.data.observations, model.tableSet);
    for (const lang of ['en', 'ru'] as const) {
      const blocks = parseMarkup(await methodologyMarkup(model, notesView(model, lang, release.observations, summary, summariseChanges([])), lang));
      const at = blocks.findIndex((b) => b.kind === 'heading' && /^10\. /.test(b.text));
      const list = blocks.slice(at).find((b) => b.kind === 'list');
      expect(list?.kind === 'list' ? list.items : [], lang).toEqual(formats.map((f) => `${f.path}: ${f[lang]}`));
    }
  });
});
