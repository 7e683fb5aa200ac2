import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Observation, RULE_IDS } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { summariseChanges } from '../changes';
import type { ReleaseModel } from '../model';
import type { PublicMirrorRow, PublicQualitySummary } from '../quality-summary';
import { publicQualitySummary } from '../quality-summary';
import { SYMBOLS } from '../symbols';
import { fixtureConfig, fixtureModel, obs } from '../testing/fixture';
import { hasPdftotext, pdfText } from '../testing/unpack';
import { COLOUR, mirrorChart } from './chart';
import { ruleName } from './glossary';
import { type Block, parseMarkup } from './markup';
import { methodologyMarkup, methodologyPdf, mirrorChartText } from './notes';
import { notesView, tablesWithoutFigures } from './notes-view';
import { waiversOf } from '../published/waivers';
import { SIMS_CONCEPTS, simsHeading } from './sims';

type Lang = 'en' | 'ru';

/** Flows of the reporting countries, per table, type, basis and year, as harmonise publishes them. */
function flows(ref_area: string, migr_type: Observation['migr_type'], basis: Observation['definition_basis'], years: number[], tables = ['T04', 'T08']) {
  return years.flatMap((time_period) => tables.map((table) => obs({ ref_area, table, time_period, migr_type, definition_basis: basis, partner: '_T', obs_value: 100 })));
}

const YEARS = [2009, 2010, 2011, 2012];

/** Armenia long- and short-term, the Russian Federation before and after its 9-month rule, Georgia by border crossings. */
function publishedFixture(): Observation[] {
  return [
    ...flows('ARM', 'LT', 'UN_LT12', YEARS),
    ...flows('ARM', 'ST', 'UN_ST3_12', YEARS),
    ...flows('RUS', 'NAT', 'PERM_REG', [2009, 2010]),
    ...flows('RUS', 'NAT', 'STAY_REG_9M', [2011, 2012]),
    ...flows('GEO', 'NAT', 'BORDER', YEARS),
    ...YEARS.map((time_period) => obs({ ref_area: 'GEO', table: 'T01', time_period, definition_basis: 'REGISTER_STOCK', partner: '_T', obs_value: 3_000_000 })),
  ];
}

const COVERAGE = { labour_migrants: 'Included when the stay lasts 12 months or more.', refugees: 'Included once registered.' };

/** A release of 2013 with reference years 2009–2012, a break register and territory changes that reach past them. */
function model(overrides: Partial<ReleaseModel> = {}): ReleaseModel {
  const base = fixtureModel();
  const config = fixtureConfig({
    release_date: '2013-11-15',
    reference_years: YEARS,
    imem: { enabled: true },
    benchmarks: { ims2019: 'data/benchmarks/ims2019_foreign_born_stock.csv', wpp2024: 'data/benchmarks/wpp2024_net_migration.csv' },
    countries: {
      ARM: { definition_basis: { default: 'UN_LT12' }, coverage: COVERAGE, files: [{ path: 'a.xlsx', round: 2011, received: '2011-06-30' }, { path: 'b.xlsx', round: 2013, received: '2013-06-28' }] },
      GEO: { territory: 'Excluding Abkhazia and South Ossetia', territory_ru: 'Без Абхазии и Южной Осетии', definition_basis: { default: 'BORDER' } },
      RUS: {
        definition_basis: { default: 'PERM_REG' },
        basis_changes: [{ first_year: 2011, basis: 'STAY_REG_9M' }],
        territory: 'Whole territory of the country',
        territory_changes: [{ first_year: 2014, text: 'A territory change dated 2014' }],
        coverage: COVERAGE,
      },
    },
  });
  const breaks = [
    { ref_area: 'RUS', first_year: 2011, tables: ['T04', 'T08'], text_en: 'The 9-month stay rule.', text_ru: 'Правило 9 месяцев.' },
    { ref_area: 'RUS', first_year: 2019, tables: ['T04'], text_en: 'The electronic form of 2019.', text_ru: 'Электронная форма 2019 года.' },
    { ref_area: 'GEO', first_year: 2014, tables: ['T01'], text_en: 'A territorial break of 2014.', text_ru: 'Территориальный разрыв 2014 года.' },
    { ref_area: 'GEO', first_year: 2005, tables: ['T01'], text_en: 'A break of 2005, before the reference years.', text_ru: 'Разрыв 2005 года.' },
  ];
  return { ...base, config, breaks, data: { ...base.data, observations: publishedFixture(), metadata: [], remarks: [] }, ...overrides };
}

function summaryOf(m: ReleaseModel, mirror: PublicMirrorRow[] = []): PublicQualitySummary {
  return { ...publicQualitySummary(m.quality, m.data.observations, m.tableSet), mirror };
}

async function markupOf(m: ReleaseModel, lang: Lang, summary = summaryOf(m)) {
  const view = notesView(m, lang, m.data.observations, summary, NO_CHANGES);
  return { view, markup: await methodologyMarkup(m, view, lang) };
}

/** A release against a previous one where nothing changed. */
const NO_CHANGES = summariseChanges([]);

const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const text = (blocks: Block[]) =>
  blocks
    .map((b) => (b.kind === 'table' ? [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n') : b.kind === 'list' ? b.items.join('\n') : b.kind === 'chart' ? '' : b.text))
    .join('\n');

/** The SIMS concepts missing from an outline, or out of their order, or given twice. */
function outlineProblems(markup: string, lang: Lang): string[] {
  const found = headings(parseMarkup(markup));
  const problems: string[] = [];
  let last = -1;
  for (const c of SIMS_CONCEPTS) {
    const h = simsHeading(c, lang);
    const at = found.filter((f) => f === h);
    if (at.length !== 1) problems.push(`${h}: ${at.length} headings`);
    const i = found.indexOf(h);
    if (i >= 0 && i < last) problems.push(`${h}: out of order`);
    last = Math.max(last, i);
  }
  // no heading of its own numbering that SIMS does not have
  for (const f of found) if (/^\d+(\.\d+)*\.? /.test(f) && !SIMS_CONCEPTS.some((c) => simsHeading(c, lang) === f) && !/^\d+\.\d+ /.test(f)) problems.push(`${f}: not a SIMS concept`);
  return problems;
}

describe('the outline of the notes', () => {
  it('finds a missing, repeated or misnumbered concept', () => {
    const bad = '## 1. Contact\n\n## 3. Statistical presentation\n\n## 3. Statistical presentation\n\n## 14. Accuracy and reliability\n';
    const problems = outlineProblems(bad, 'en');
    expect(problems).toContain('2. Metadata update: 0 headings');
    expect(problems).toContain('3. Statistical presentation: 2 headings');
    expect(problems).toContain('13. Accuracy and reliability: 0 headings');
    expect(problems).toContain('14. Accuracy and reliability: not a SIMS concept');
  });

  it.each(['en', 'ru'] as const)('has every SIMS concept under its own number, once and in order (%s)', async (lang) => {
    const { markup } = await markupOf(model(), lang);
    expect(outlineProblems(markup, lang)).toEqual([]);
    expect(headings(parseMarkup(markup))).toContain(lang === 'en' ? '18. Statistical processing' : '18. Статистическая обработка');
  });
});

describe('what the notes may say for their reference years and release date', () => {
  it.each(['en', 'ru'] as const)('describes breaks and territory changes inside the reference years only (%s)', async (lang) => {
    const { view, markup } = await markupOf(model(), lang);
    const all = text(parseMarkup(markup));
    expect(all).toContain(lang === 'en' ? 'The 9-month stay rule.' : 'Правило 9 месяцев.');
    for (const later of ['The electronic form of 2019.', 'Электронная форма 2019 года.', 'A territorial break of 2014.', 'Территориальный разрыв 2014 года.', 'A territory change dated 2014', 'A break of 2005']) {
      expect(all).not.toContain(later);
    }
    expect(view.breaks.map((b) => `${b.year}`)).toEqual(['2011']);
  });

  it.each(['en', 'ru'] as const)('names no year after the release date, with benchmarks and breaks of later years configured (%s)', async (lang) => {
    const { markup } = await markupOf(model(), lang);
    const years = [...text(parseMarkup(markup)).matchAll(/(?<![\d.])(19|20)\d\d(?![\d])/g)].map((m) => Number(m[0]));
    expect(years.filter((y) => y > 2013)).toEqual([]);
    expect(years).toContain(2012);
  });

  it.each(['en', 'ru'] as const)('speaks of external benchmarks only when the release compared any, and names no vintage (%s)', async (lang) => {
    const m = model();
    const none = await markupOf(m, lang);
    expect(none.markup).toContain(lang === 'en' ? 'No external benchmark was compared for this release.' : 'Сопоставление с внешними источниками для этого выпуска не проводилось.');
    const summary = summaryOf(m);
    const used = { ...summary, rules: [...summary.rules, { id: 'MCH-B01' as const, severity: 'info' as const, checked: 12, failed: 2, skipped: 0, waived: 0 }] };
    const { markup } = await markupOf(m, lang, used);
    expect(markup).toContain(lang === 'en' ? 'External benchmarks (quality rule MCH-B01 comparison with external benchmarks): 12 comparisons, 2 of them outside the tolerance.' : 'сопоставлений — 12, из них вне допуска — 2');
    expect(markup).not.toMatch(/ims2019|wpp2024|2019|2024/i);
  });

  it('drops the year of a source published after the release', async () => {
    const m = model();
    const observations = m.data.observations.filter((o) => o.time_period <= 2010);
    const early = { ...m, config: { ...m.config, version: '2011.1', release_date: '2011-11-15', reference_years: [2009, 2010] }, data: { ...m.data, observations, analytical: [] } };
    const { markup } = await markupOf(early, 'en');
    expect(markup).toContain('IMEM; Raymer et al.)');
    expect(markup).not.toMatch(/201[2-9]/);
  });
});

describe('substance per country', () => {
  it('describes each series by the basis its published observations carry, per table and type, with the years of each', async () => {
    const { view } = await markupOf(model(), 'en');
    const bases = Object.fromEntries(view.countries.map((c) => [c.code, c.bases.map((b) => `${b.tables} ${b.type}: ${b.basis}`)]));
    expect(bases.RUS).toEqual([
      'T04, T08 national (NAT): registration for permanent residence (PERM_REG) 2009–2010; registration for permanent residence or at the place of stay for 9 months or more (STAY_REG_9M) 2011–2012',
    ]);
    expect(bases.GEO).toEqual(['T01 stocks: population register or estimate (REGISTER_STOCK)', 'T04, T08 national (NAT): border-crossing data with a duration rule (BORDER)']);
    expect(bases.ARM).toEqual(['T04, T08 long-term (LT): UN long-term definition (12 months or more) (UN_LT12)', 'T04, T08 short-term (ST): UN short-term definition (3 to 12 months) (UN_ST3_12)']);
  });

  it('says who is covered: labour migrants and refugees from configuration, stays under 12 months from the basis', async () => {
    const { view, markup } = await markupOf(model(), 'en');
    const by = Object.fromEntries(view.countries.map((c) => [c.code, c]));
    expect(by.ARM!.labour_migrants).toBe(COVERAGE.labour_migrants);
    expect(by.ARM!.short_stays).toBe('UN_LT12: not counted (long-term migration only: 12 months or more); UN_ST3_12: stays of 3 to 12 months counted, as short-term migration');
    expect(by.RUS!.short_stays).toMatch(/^PERM_REG 2009–2010: not counted .*; STAY_REG_9M 2011–2012: stays of 9 months or more counted/);
    expect(by.GEO!.labour_migrants).toBe('not documented for this release');
    expect(markup).toContain('- Labour migrants: Included when the stay lasts 12 months or more.');
  });

  it('says in Russian that a text of the configuration is given in English only, never printing it silently', async () => {
    const { view } = await markupOf(model(), 'ru');
    const arm = view.countries.find((c) => c.code === 'ARM')!;
    expect(arm.labour_migrants).toBe(`${COVERAGE.labour_migrants} (только на английском языке)`);
    expect(view.countries.find((c) => c.code === 'GEO')!.territory).toBe('Без Абхазии и Южной Осетии');
    expect(view.countries.find((c) => c.code === 'RUS')!.territory).toBe('Whole territory of the country (только на английском языке)');
    expect(arm.bases[1]!.basis).toBe('определение ООН, краткосрочные (от 3 до 12 месяцев) (UN_ST3_12)');
  });
});

describe('glossaries and legend', () => {
  it.each(['en', 'ru'] as const)('explains every basis the release publishes, and no other (%s)', async (lang) => {
    const { view } = await markupOf(model(), lang);
    expect(view.bases.map((b) => b.code)).toEqual(['UN_LT12', 'UN_ST3_12', 'PERM_REG', 'STAY_REG_9M', 'BORDER', 'REGISTER_STOCK']);
    for (const b of view.bases) expect(b.label && b.meaning).toBeTruthy();
  });

  it.each(['en', 'ru'] as const)('names every quality rule by id and name, never by its id alone (%s)', async (lang) => {
    const m = model();
    const { markup } = await markupOf(m, lang);
    const rules = parseMarkup(markup).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.header[0] === (lang === 'en' ? 'Rule' : 'Правило'))!;
    expect(rules.rows.map((r) => r[0])).toEqual(m.quality.rules.map((r) => r.id).sort().map((id) => `${id} ${ruleName(id, lang)}`));
    // wherever an id appears, its name follows it
    const all = text(parseMarkup(markup));
    expect(all).toMatch(/MCH-A01/);
    for (const id of all.match(/MCH-[A-Z]\d\d/g) ?? []) expect(all).toContain(`${id} ${ruleName(id, lang)}`);
    expect(all.match(/MCH-[A-Z]\d\d(?! [a-zа-я])/g)).toBeNull();
  });

  it('has a name for every rule id in both languages, and refuses an id without one', () => {
    for (const id of RULE_IDS) for (const lang of ['en', 'ru'] as const) expect(ruleName(id, lang)).not.toMatch(/MCH/);
    expect(() => ruleName('MCH-X99', 'en')).toThrow(/no name/);
  });

  it.each(['en', 'ru'] as const)('lists every entry of the one symbol mapping in the legend (%s)', async (lang) => {
    const { view, markup } = await markupOf(model(), lang);
    expect(view.symbols.map((s) => s.symbol)).toEqual(SYMBOLS.map((s) => s.excel.replace(/[[\]]/g, (c) => `\\${c}`)));
    for (const s of SYMBOLS) expect(markup).toContain(s[lang]);
  });
});

describe('release calendar', () => {
  it.each([
    ['en', 'this release, 2013.1, was published on 2013-11-15, from the data-collection rounds 2011, 2013', 'Releases follow each data-collection round'],
    ['ru', 'этот выпуск, 2013.1, опубликован 2013-11-15 по данным циклов сбора 2011, 2013', 'Выпуски следуют за каждым циклом сбора данных'],
  ] as const)('gives the release date and what the next release follows (%s)', async (lang, calendar, next) => {
    const { markup } = await markupOf(model(), lang);
    expect(markup).toContain(calendar);
    expect(markup).toContain(next);
  });
});

/** 26 flagged pairs of 2012, the largest departure among them, unflagged pairs and a flagged pair of 2011. */
function mirrorFixture(flaggedPairs = 26): PublicMirrorRow[] {
  const row = (receiving: string, sending: string, ratio: number, flagged: boolean, time_period = 2012): PublicMirrorRow => ({
    time_period,
    receiving,
    sending,
    sex: '_T',
    immigration: Math.round(100 * ratio),
    emigration: 100,
    migr_type_in: 'NAT',
    migr_type_out: 'NAT',
    basis_in: 'PERM_REG',
    basis_out: 'BORDER',
    territory_in: '',
    territory_out: '',
    ratio,
    asymmetry: (ratio - 1) / (ratio + 1),
    flagged,
  });
  const codes = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'];
  const pairs = codes.flatMap((a) => codes.filter((b) => b !== a).map((b) => [a, b] as const));
  return [
    ...pairs.slice(0, flaggedPairs - 1).map(([a, b], i) => row(a, b, i % 2 ? 2.5 + i : 1 / (2.5 + i), true)),
    row('UZB', 'TKM', 300, true),
    ...pairs.slice(flaggedPairs, flaggedPairs + 15).map(([a, b]) => row(a, b, 1.1, false)),
    row('ARM', 'GEO', 9, true, 2011),
  ];
}

/** Every bar of a chart: the rectangles drawn in a bar colour in the rows of its table, in order. */
function bars(chart: unknown): { color: string }[] {
  const found: { color: string }[] = [];
  const walk = (node: unknown, inTable: boolean) => {
    if (Array.isArray(node)) for (const n of node) walk(n, inTable);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (inTable && n.type === 'rect' && (n.color === COLOUR.outside || n.color === COLOUR.inside)) found.push({ color: n.color as string });
      for (const [k, v] of Object.entries(n)) walk(v, inTable || k === 'table');
    }
  };
  walk(chart, false);
  return found;
}

describe('the mirror chart', () => {
  it.each(['en', 'ru'] as const)('draws exactly the rows of the table it illustrates, in its order, the largest pair included (%s)', async (lang) => {
    const m = model();
    const { view, markup } = await markupOf(m, lang, summaryOf(m, mirrorFixture()));
    const table = parseMarkup(markup).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.header.at(-1) === 'I / E')!;
    expect(table.rows).toHaveLength(26);
    expect(view.mirror.rows).toHaveLength(26);
    expect(table.rows[0]!.slice(0, 2)).toEqual(lang === 'en' ? ['Uzbekistan', 'Turkmenistan'] : ['Узбекистан', 'Туркменистан']);
    const chart = mirrorChart(view.mirror.rows, view.mirror.band, mirrorChartText(m, view, lang));
    expect(bars(chart)).toHaveLength(table.rows.length);
    const labels = JSON.stringify(chart).match(/"text":"[^"]+ ← [^"]+"/g)!.map((t) => t.slice(8, -1));
    expect(labels).toEqual(table.rows.map((r) => `${r[0]} ← ${r[1]}`));
  });

  it('shows the figures of a flagged pair with the marks their tables give them', async () => {
    const m = model();
    const mirror = mirrorFixture();
    const top = mirror.find((r) => r.receiving === 'UZB' && r.sending === 'TKM')!;
    const provisional = obs({ ref_area: 'UZB', table: 'T04', time_period: 2012, migr_type: 'NAT', sex: '_T', partner: 'TKM', obs_value: top.immigration, obs_status: 'P' });
    const reported = obs({ ref_area: 'TKM', table: 'T08', time_period: 2012, migr_type: 'NAT', sex: '_T', partner: 'UZB', obs_value: top.emigration });
    const view = notesView(m, 'en', [...m.data.observations, provisional, reported], summaryOf(m, mirror), NO_CHANGES);
    expect(view.mirror.rows[0]).toMatchObject({ receiving: 'Uzbekistan', immigration: '30\u202f000 [p]', emigration: '100' });
  });

  it('has an axis with labelled ticks, the band marked, and a legend in which one colour means one thing', async () => {
    const m = model();
    const { view } = await markupOf(m, 'en', summaryOf(m, mirrorFixture()));
    const chart = mirrorChart(view.mirror.rows, view.mirror.band, mirrorChartText(m, view, 'en'));
    const json = JSON.stringify(chart);
    for (const tick of ['"1/64"', '"1/2"', '"1"', '"2"', '"64"']) expect(json).toContain(`"text":${tick}`);
    expect(json).toContain('I / E, logarithmic scale');
    expect(json).toContain(`"color":"${COLOUR.band}"`);
    expect(json).toContain('ratio outside the band of 0.5 to 2 (flagged pair)');
    // every bar is outside the band, so red, and the legend has no entry for a colour that is not drawn
    expect(new Set(bars(chart).map((b) => b.color))).toEqual(new Set([COLOUR.outside]));
    expect(json).not.toContain('ratio inside the band');
    const inside = mirrorChart([{ ...view.mirror.rows[0]!, value: 1.2, inside: true }], view.mirror.band, mirrorChartText(m, view, 'en'));
    expect(bars(inside)).toEqual([{ color: COLOUR.inside }]);
    expect(JSON.stringify(inside)).toContain('ratio inside the band of 0.5 to 2');
  });
});

const noPdftotext = !hasPdftotext();

describe('the PDF', () => {
  it.skipIf(noPdftotext && process.env.CI !== 'true')('is searchable text, Cyrillic included, every SIMS heading findable (needs poppler pdftotext)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mch-notes-'));
    try {
      const m = model();
      for (const lang of ['en', 'ru'] as const) {
        const file = join(dir, `${lang}.pdf`);
        await writeFile(file, await methodologyPdf(m, lang, m.data.observations, summaryOf(m, mirrorFixture()), NO_CHANGES));
        const found = pdfText(file)!.replace(/\s+/g, ' ');
        for (const c of SIMS_CONCEPTS) expect(found, lang).toContain(simsHeading(c, lang));
        if (lang === 'ru') expect(found).toContain('Узбекистан ← Туркменистан');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(noPdftotext && process.env.CI !== 'true')('prints every bar of the chart, on one page or across pages (needs poppler pdftotext)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mch-notes-'));
    try {
      const m = model();
      for (const pairs of [26, 70]) {
        const summary = summaryOf(m, mirrorFixture(pairs));
        const view = notesView(m, 'en', m.data.observations, summary, NO_CHANGES);
        const file = join(dir, `${pairs}.pdf`);
        await writeFile(file, await methodologyPdf(m, 'en', m.data.observations, summary, NO_CHANGES));
        const found = pdfText(file)!.replace(/\s+/g, ' ');
        const labels = view.mirror.rows.map((r) => `${r.receiving} ← ${r.sending}`);
        expect(labels).toHaveLength(Math.min(pairs, 60));
        for (const label of labels) expect(found, `${pairs} pairs`).toContain(label);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the years a country table holds no figure', () => {
  it('names a table and year whose every cell is not available, and no table with one figure', () => {
    const cell = (table: string, year: number, status: Observation['obs_status'], value: number | null) => obs({ ref_area: 'UZB', table, partner: 'RUS', time_period: year, obs_status: status, obs_value: value });
    const published = [cell('T06', 2009, 'O', null), cell('T06', 2009, 'M', null), cell('T06', 2010, 'O', null), cell('T06', 2010, 'A', 5), cell('T01', 2009, 'Q', null), cell('T06', 2011, 'O', null)];
    expect(tablesWithoutFigures(published)).toEqual([{ ref_area: 'UZB', table: 'T06', years: [2009, 2011] }]);
    // a confidential cell is a figure, withheld: its table and year are covered
    expect(tablesWithoutFigures(published.filter((o) => o.table === 'T01'))).toEqual([]);
  });

  it('says so in the notes instead of "every country\'s figures cover all of them"', () => {
    const model = fixtureModel();
    const published = [...model.data.observations, obs({ ref_area: 'GEO', table: 'T06', partner: 'ARM', time_period: 2012, obs_status: 'O', obs_value: null })];
    const view = notesView(model, 'en', published, publicQualitySummary(model.quality, model.data.observations, model.tableSet), NO_CHANGES);
    expect(view.unavailable).toEqual([{ country: 'Georgia', table: 'T06', years: '2012' }]);
  });
});

describe('the waivers the notes state', () => {
  it('names each accepted finding by rule, country, table and years with the justification, never the approver', () => {
    const model = fixtureModel();
    const waiver = { justification: 'The office confirmed the first file stands.', approved_by: 'A. Person', date: '2013-10-04', expires: '2014.1' };
    const base = model.quality.findings[0]!;
    const findings = [
      { ...base, rule: 'MCH-S02' as const, ref_area: 'UKR', table: 'T08', time_period: 2012, waived: true, waiver },
      { ...base, rule: 'MCH-S02' as const, ref_area: 'UKR', table: 'T08', time_period: 2011, waived: true, waiver },
      { ...base, rule: 'MCH-S02' as const, ref_area: 'UKR', table: 'T08', time_period: 2012, waived: false, waiver: null },
    ];
    expect(waiversOf(findings)).toEqual([{ rule: 'MCH-S02', ref_area: 'UKR', table: 'T08', years: [2011, 2012], count: 2, justification: 'The office confirmed the first file stands.', date: '2013-10-04', expires: '2014.1' }]);
    const view = notesView({ ...model, quality: { ...model.quality, findings } }, 'en', model.data.observations, publicQualitySummary(model.quality, model.data.observations, model.tableSet), NO_CHANGES);
    expect(view.waivers).toEqual([{ rule: 'MCH-S02 files that disagree on a value', country: 'Ukraine', table: 'T08', years: '2011–2012', count: '2', justification: 'The office confirmed the first file stands.' }]);
    expect(JSON.stringify(view)).not.toContain('A. Person');
  });
});
