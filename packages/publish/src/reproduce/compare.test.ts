import { cpSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRelease } from '../release';
import { fixtureModel } from '../testing/fixture';
import { compareReleases } from './compare';
import { contentDifferences, figuresChanged } from './content';

let root: string;
let published: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mch-compare-'));
  published = join(root, 'published', '2013.1');
  await writeRelease(fixtureModel(), published);
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function variant(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, name, '2013.1');
  cpSync(published, dir, { recursive: true });
  await edit(dir);
  return dir;
}

/** The same cells written again by exceljs: other bytes (zip layout, times), same content. */
async function rewriteWorkbook(path: string, change?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  change?.(wb);
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('compareReleases', () => {
  it('finds nothing in an identical rebuild', async () => {
    const same = await variant('same', async () => undefined);
    expect(await compareReleases(published, same, 'bytes')).toMatchObject({ ok: true, differentBytes: [], cells: [] });
  });

  it('accepts other bytes with the same cells under another code version, not under the same one', async () => {
    const other = await variant('bytes', (d) => rewriteWorkbook(join(d, 'tables', 'T04.xlsx')));
    const content = await compareReleases(published, other, 'content');
    expect(content).toMatchObject({ ok: true, differentBytes: ['tables/T04.xlsx'], differentContent: [] });
    expect((await compareReleases(published, other, 'bytes')).ok).toBe(false);
  });

  it('takes the Code section of CHANGES.md (the code version and what it released) as no content, as the manifest\'s code version, and every other line as content', async () => {
    const text = await readFile(join(published, 'CHANGES.md'), 'utf8');
    expect(text).toMatch(/^## Code\n\nBuilt with .+; lockfile sha256 [0-9a-f]{12}\.$/m);
    const edited = (name: string, edit: (t: string) => string) => variant(name, (d) => writeFile(join(d, 'CHANGES.md'), edit(text)));
    const otherCode = await edited('code-line', (t) => t.replace(/lockfile sha256 [0-9a-f]{12}\./, 'lockfile sha256 0123456789ab.').replace(/@mch\/core \S+,/, '@mch/core 9.9.9,'));
    expect(await compareReleases(published, otherCode, 'content')).toMatchObject({ ok: true, differentBytes: ['CHANGES.md'], differentContent: [] });
    expect((await compareReleases(published, otherCode, 'bytes')).ok).toBe(false);
    // what the code released is the code's side too: a newer code version lists more of it
    const released = await edited('code-changes', (t) => t.replace(/(lockfile sha256 [0-9a-f]{12}\.\n)/, '$1\n### @mch/core 9.9.9\n\n- A change of 2 figures in the code.\n'));
    expect(await compareReleases(published, released, 'content')).toMatchObject({ ok: true, differentContent: [] });
    const otherNote = await edited('note-line', (t) => t.replace('## Summary', '## Summary\n\nA sentence the rebuild does not write.'));
    expect(await compareReleases(published, otherNote, 'content')).toMatchObject({ ok: false, differentContent: ['CHANGES.md'] });
  });

  it("takes the release page's own script and style as code, its text and embedded data as content", async () => {
    const page = await readFile(join(published, 'index.html'), 'utf8');
    expect(page).toMatch(/<script type="application\/json" id="release">/);
    const edited = (name: string, edit: (t: string) => string) => variant(name, (d) => writeFile(join(d, 'index.html'), edit(page)));
    // another code version's viewer: other script, other style, so other hashes in the policy
    const otherCode = await edited('page-code', (t) => t.replace("'use strict';", "'use strict';\nconst DRAWN_ANOTHER_WAY = 1;").replace(/<style>/, '<style>body{margin:0}').replace(/'sha256-[A-Za-z0-9+/=]+'/, "'sha256-AAAA'"));
    expect(await compareReleases(published, otherCode, 'content')).toMatchObject({ ok: true, differentBytes: ['index.html'], differentContent: [] });
    const release = /<script type="application\/json" id="release">([\s\S]*?)<\/script>/.exec(page)![1]!;
    const otherData = await edited('page-data', (t) => t.replace(release, release.replace(/"2013\.1"/, '"2013.9"')));
    expect(release).toContain('"2013.1"');
    expect(await compareReleases(published, otherData, 'content')).toMatchObject({ ok: false, differentContent: ['index.html'] });
    const otherText = await edited('page-text', (t) => t.replace('<noscript><p>', '<noscript><p>Another sentence. '));
    expect(await compareReleases(published, otherText, 'content')).toMatchObject({ ok: false, differentContent: ['index.html'] });
    // the page's own words live in its script: a changed statement is a difference, not code
    expect(page).toContain('Figures are numbers of persons.');
    const otherWords = await edited('page-words', (t) => t.replace('Figures are numbers of persons.', 'Figures are thousands of persons.'));
    expect(await compareReleases(published, otherWords, 'content')).toMatchObject({ ok: false, differentContent: ['index.html'] });
    // a page whose data block is not found is compared whole, so a changed figure still shows
    const moved = (t: string) => t.replace('<script type="application/json" id="release">', '<script id="data" type="application/json">');
    const movedPublished = await variant('page-moved', (d) => writeFile(join(d, 'index.html'), moved(page)));
    const movedData = await edited('page-moved-data', (t) => moved(t.replace(release, release.replace(/"2013\.1"/, '"2013.9"'))));
    const cells = (await compareReleases(movedPublished, movedData, 'content')).cells;
    expect(cells.length).toBeGreaterThan(0);
  });

  it('ignores the environment recorded in the manifest', async () => {
    const env = await variant('env', async (d) => {
      const m = JSON.parse(await readFile(join(d, 'datapackage.json'), 'utf8'));
      m.mch.environment = { node: 'v20.99.0', platform: 'darwin-arm64' };
      await writeFile(join(d, 'datapackage.json'), JSON.stringify(m, null, 2));
    });
    expect((await compareReleases(published, env, 'bytes')).ok).toBe(true);
  });

  it('takes the manifest\'s statement of the waivers for no content, as a release made before the manifest stated them has none; what it records of the release still is', async () => {
    const edit = (f: (m: { mch: Record<string, unknown> }) => void) => async (d: string) => {
      const m = JSON.parse(await readFile(join(d, 'datapackage.json'), 'utf8'));
      f(m);
      await writeFile(join(d, 'datapackage.json'), JSON.stringify(m, null, 2));
    };
    const older = await variant('no-waivers', edit((m) => delete m.mch.waivers));
    expect((await compareReleases(older, published, 'content')).ok).toBe(true);
    // a release that states them is held to them
    const rewaived = await variant('waivers-changed', edit((m) => (m.mch.waivers = [{ rule: 'MCH-S02', findings: 0 }])));
    expect((await compareReleases(rewaived, published, 'content')).ok).toBe(false);
    const reconfigured = await variant('release-date', edit((m) => (m.mch.release_date = '2099-01-01')));
    expect((await compareReleases(reconfigured, published, 'content')).ok).toBe(false);
  });

  it('names the workbook cell, the CSV field and the PX cell of a changed figure', async () => {
    const changed = await variant('figure', async (d) => {
      await rewriteWorkbook(join(d, 'tables', 'T04.xlsx'), (wb) => {
        wb.getWorksheet('ARM')!.getCell('F6').value = 121;
      });
      const csv = join(d, 'data', 'observations.csv');
      await writeFile(csv, (await readFile(csv, 'utf8')).replace('GEO,120,A', 'GEO,121,A'));
      const px = join(d, 'px', 'T04.px');
      await writeFile(px, (await readFile(px, 'utf8')).replace(/\b5100\b/, '5101'));
    });
    const r = await compareReleases(published, changed, 'content');
    expect(r.ok).toBe(false);
    expect(r.differentContent).toEqual(['data/observations.csv', 'px/T04.px', 'tables/T04.xlsx']);
    expect(r.cells.map((c) => `${c.path} ${c.where}: ${c.published} → ${c.rebuilt}`)).toEqual([
      'data/observations.csv line 3 obs_value: 120 → 121',
      'px/T04.px DATA ARM|NAT|_T|2012|_T: 5100 → 5101',
      expect.stringMatching(/^tables\/T04\.xlsx ARM!F6: .* → 121 \(#,##0\)$/),
    ]);
  });

  it('lists the words of the notes and the quality report another code version writes as wording, not as a failure; a figure still fails', async () => {
    const reworded = await variant('wording', async (d) => {
      const report = join(d, 'quality', 'report.json');
      const json = JSON.parse(await readFile(report, 'utf8'));
      json.rules[0].checked += 1;
      await writeFile(report, JSON.stringify(json, null, 2));
    });
    const content = await compareReleases(published, reworded, 'content');
    expect(content).toMatchObject({ ok: true, differentContent: ['quality/report.json'], wording: ['quality/report.json'] });
    expect(content.cells).toEqual([expect.objectContaining({ path: 'quality/report.json', where: 'rules.0.checked' })]);
    // under the same code version the same difference is a failure to reproduce
    expect(await compareReleases(published, reworded, 'bytes')).toMatchObject({ ok: false, wording: [] });
    const refigured = await variant('wording-and-figure', async (d) => {
      cpSync(join(reworded, 'quality'), join(d, 'quality'), { recursive: true });
      const csv = join(d, 'data', 'observations.csv');
      await writeFile(csv, (await readFile(csv, 'utf8')).replace('GEO,120,A', 'GEO,121,A'));
    });
    expect(await compareReleases(published, refigured, 'content')).toMatchObject({ ok: false, wording: ['quality/report.json'] });
  });

  it('takes the notes of the table files reworded by another code version for wording, and their labels, headers or a new number for substance', async () => {
    const px = (d: string) => join(d, 'px', 'T04.px');
    const json = (d: string) => join(d, 'jsonstat', 'T04.json');
    const reworded = await variant('table-notes', async (d) => {
      await rewriteWorkbook(join(d, 'tables', 'T04.xlsx'), (wb) => {
        const notes = wb.getWorksheet('Notes')!;
        notes.getCell('C4').value = `${notes.getCell('C4').value} (reworded)`;
        notes.getCell('C99').value = 'A note added at the end.';
        wb.getWorksheet('ARM')!.getCell('A3').value = 'Unit: persons on 1 January of the year shown';
      });
      await writeFile(px(d), (await readFile(px(d), 'utf8')).replace('Source: population register', 'Source: the population register'));
      const j = JSON.parse(await readFile(json(d), 'utf8'));
      j.note[0] = `${j.note[0]} Reworded.`;
      // the notes renumbered: a cell refers to its note by another number
      const [cell, numbers] = Object.entries(j.extension.cell_notes as Record<string, number[]>)[0]!;
      j.extension.cell_notes[cell] = numbers.map((n) => n + 1);
      await writeFile(json(d), JSON.stringify(j));
    });
    const r = await compareReleases(published, reworded, 'content');
    expect(r).toMatchObject({ ok: true, wording: ['jsonstat/T04.json', 'px/T04.px', 'tables/T04.xlsx'] });
    expect(r.cells.every((c) => c.wording)).toBe(true);
    expect(r.cells.map((c) => `${c.path} ${c.where}`)).toEqual(expect.arrayContaining(['tables/T04.xlsx Notes!C99', 'tables/T04.xlsx ARM!A3', 'jsonstat/T04.json note.0']));
    // the same code version words them as it did
    expect((await compareReleases(published, reworded, 'bytes')).ok).toBe(false);

    const relabelled = await variant('table-label', (d) =>
      rewriteWorkbook(join(d, 'tables', 'T04.xlsx'), (wb) => {
        const arm = wb.getWorksheet('ARM')!;
        // the code and the label of the row holding F6's figure, and the header above it
        arm.getCell('A6').value = 'AZE';
      }),
    );
    expect(await compareReleases(published, relabelled, 'content')).toMatchObject({ ok: false, wording: [] });
    const reheaded = await variant('table-header', async (d) => {
      const text = await readFile(px(d), 'utf8');
      await writeFile(px(d), text.replace(/^(VALUES\("Reporting country"\)=)"Armenia"/m, '$1"Azerbaijan"'));
    });
    expect(await compareReleases(published, reheaded, 'content')).toMatchObject({ ok: false });
    const refigured = await variant('note-figure', async (d) => {
      await writeFile(px(d), (await readFile(px(d), 'utf8')).replace('Source: population register', 'Source: population register, 98 765 persons'));
    });
    expect(await compareReleases(published, refigured, 'content')).toMatchObject({ ok: false, differentContent: ['px/T04.px'], wording: [] });
  });

  it('takes a changed figure of the quality summary for a figure, not for wording', async () => {
    const refigured = await variant('summary-figure', async (d) => {
      const report = join(d, 'quality', 'report.json');
      const json = JSON.parse(await readFile(report, 'utf8'));
      expect(json.mirror.length).toBeGreaterThan(0);
      json.mirror[0].immigration += 1000;
      await writeFile(report, JSON.stringify(json, null, 2));
    });
    expect(await compareReleases(published, refigured, 'content')).toMatchObject({ ok: false, differentContent: ['quality/report.json'], wording: [] });
  });

  it('tells a figure a newer wording of the notes brings from one it only moves, rewords or counts', async () => {
    const notes = Buffer.from('Armenia 2009    2 471    12 535\nMCH-M01 mirror flows   info   792\n');
    const line = (rebuilt: string) => ({ path: 'notes/a.txt', where: 'line 1', published: '(none)', rebuilt });
    const figures = (rebuilt: string, inputs = '') => figuresChanged('notes/a.txt', notes, [line(rebuilt)], inputs).then((f) => f.length);
    expect(await figures('Armenia 2009 2 500 12 535')).toBe(1);
    expect(await figures('Armenia 2009 2 471 12 535')).toBe(0);
    expect(await figures('In 2009 Armenia reported 12 535 emigrants.')).toBe(0);
    expect(await figures('MCH-M01 mirror flows info 264')).toBe(0);
    expect(await figures('keyed about 1000 times too large')).toBe(1);
    expect(await figures('keyed about 1000 times too large', 'justification: keyed about 1000 times too large')).toBe(0);
  });

  it('compares text as a sequence of lines: a line added is one difference, not every line after it', async () => {
    const text = ['Concepts', 'Sources', 'Breaks in series', 'Quality', ''].join('\n');
    const added = text.replace('Sources\n', 'Sources\nA sentence made truer.\n');
    expect(await contentDifferences('notes/a.txt', Buffer.from(text), Buffer.from(added))).toEqual([
      { path: 'notes/a.txt', where: 'line 3', published: '(none)', rebuilt: 'A sentence made truer.' },
    ]);
    const changed = text.replace('Quality', 'Quality and waivers').replace('Concepts\n', '');
    expect(await contentDifferences('notes/a.txt', Buffer.from(text), Buffer.from(changed))).toEqual([
      { path: 'notes/a.txt', where: 'published line 1', published: 'Concepts', rebuilt: '(none)' },
      { path: 'notes/a.txt', where: 'line 3', published: 'Quality', rebuilt: 'Quality and waivers' },
    ]);
  });

  it('reports a missing and an extra file', async () => {
    const moved = await variant('moved', async (d) => {
      await rm(join(d, 'sdmx', 'mch.csv'));
      await writeFile(join(d, 'extra.txt'), 'x');
    });
    expect(await compareReleases(published, moved, 'content')).toMatchObject({ ok: false, missing: ['sdmx/mch.csv'], extra: ['extra.txt'] });
  });
});
