import { describe, expect, it } from 'vitest';
import { publishedRelease } from '../published/index';
import { publicQualitySummary } from '../quality-summary';
import { contentDifferences } from '../reproduce/content';
import { IMEM_ESTIMATE, SECRET } from '../testing/fixture';
import { countryGrid } from '../xlsx/grid';
import { siteTable } from './data';
import { HOSTILE, siteModel } from './fixture';
import { releasePage } from './index';
import { contentSecurityPolicy, dataScriptData, jsonInHtml } from './page';

const PATHS = ['tables/T04.xlsx', 'px/T04.px', 'data/observations.csv', 'CHANGES.md'];

function build() {
  const model = siteModel();
  const release = publishedRelease(model);
  const summary = publicQualitySummary(model.quality, model.data.observations, model.tableSet);
  return { model, release, files: releasePage(model, release, summary, PATHS) };
}

const file = (files: ReturnType<typeof build>['files'], path: string) => files.find((f) => f.path === path)!.bytes.toString('utf8');

describe('the release page files', () => {
  it('are index.html and one data script per reported table and for the mirror, byte-identical when rebuilt', () => {
    const a = build().files;
    const b = build().files;
    expect(a.map((f) => f.path)).toEqual(['index.html', 'site/T01.js', 'site/T04.js', 'site/T07.js', 'site/T08.js', 'site/mirror.js']);
    for (const [i, f] of a.entries()) expect(f.bytes.equals(b[i]!.bytes), f.path).toBe(true);
  });

  it('load nothing from the network: a policy that forbids it, no external font, style or script', () => {
    const html = file(build().files, 'index.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toMatch(/^default-src 'none'; script-src 'self' 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'/);
    expect(csp).not.toContain('unsafe');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(html.replace(script, '')).not.toMatch(/<link|<script[^>]+src=|<img|<iframe|<object/i);
    expect(style).not.toMatch(/@import|url\(|@font-face/i);
    // the one inline script and style are the ones the policy names
    expect(contentSecurityPolicy(script, style)).toBe(csp);
  });

  it('serialise each country sheet cell for cell as the Excel writer has it', () => {
    const { model, release } = build();
    for (const published of release.tables) {
      const site = siteTable(published, model.codelists);
      published.countries.forEach((country, k) => {
        const grid = countryGrid(published.table, country, model.codelists);
        const first = (published.table.has_migr_type ? 2 : 0) + 2;
        const cells = grid.rows.map((r) => r.slice(first, first + country.columns.length).map((c) => (c.kind === 'number' ? (c.marker ? [c.value, c.marker] : c.value) : c.text)));
        expect(site.countries[k]!.rows.map((r) => r.cells), `${published.table.id} ${country.ref_area}`).toEqual(cells);
      });
    }
  });

  it('publish nothing the tables do not: no confidential value, no IMEM estimate, no unpublished mirror figure', () => {
    for (const f of build().files) {
      const text = f.bytes.toString('utf8');
      for (const secret of [String(SECRET), String(IMEM_ESTIMATE), 'Jane Approver', 'Query to Armenia']) expect(text.includes(secret), `${secret} in ${f.path}`).toBe(false);
    }
  });

  it('carry hostile text as data only: it cannot close the JSON block or the data script', () => {
    const { files } = build();
    const html = file(files, 'index.html');
    expect(html.match(/<\/script>/g)?.length).toBe(2);
    expect(jsonInHtml({ a: '</script><script>x()</script>&\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003cscript\\u003ex()\\u003c/script\\u003e\\u0026\\u2028"}');
    const t04 = file(files, 'site/T04.js');
    expect(t04.startsWith('MCH.register("table", "T04", {')).toBe(true);
    const read = dataScriptData(t04);
    expect([read.kind, read.id]).toEqual(['table', 'T04']);
    const notes: { en: string }[] = (read.data as { notes: { en: string }[] }).notes;
    expect(notes.some((n) => n.en.startsWith(HOSTILE.markup))).toBe(true);
    // safeText drops direction controls before any writer sees the text
    expect(t04.includes('\u202e')).toBe(false);
  });

  it('are compared by reproduce field by field, so a changed figure is named', async () => {
    const script = file(build().files, 'site/T04.js');
    const changed = script.replace('[3456,"[e]"]', '[3457,"[e]"]');
    expect(changed).not.toBe(script);
    const found = await contentDifferences('site/T04.js', Buffer.from(script), Buffer.from(changed));
    expect(found.map((d) => [d.published, d.rebuilt])).toEqual([['3456', '3457']]);
    expect(found[0]!.where).toMatch(/^data\.countries\.0\.rows\.\d+\.cells\.\d+\.0$/);
  });

  it('link only to files the release holds', () => {
    const html = file(build().files, 'index.html');
    const release = JSON.parse(/<script type="application\/json" id="release">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(release.tables.find((t: { id: string }) => t.id === 'T04').files).toEqual(['tables/T04.xlsx', 'px/T04.px']);
    expect(release.tables.find((t: { id: string }) => t.id === 'T02').script).toBeNull();
    expect(release.contents.flatMap((c: { files: string[] }) => c.files).sort()).toEqual([...PATHS, 'datapackage.json', 'datapackage.json.sha256'].sort());
  });
});
