import { type Observation, ObservationStore, compareObservations, observationKey } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import { changeLabels, changesMarkdown, diffCsv, diffObservations, releaseChanges, summariseChanges } from './changes';
import type { ReleaseModel } from './model';
import { fixtureConfig, fixtureModel, obs } from './testing/fixture';
import { randomObservations } from './testing/shuffle';

const before = [
  obs({ ref_area: 'ARM', table: 'T04', partner: 'GEO', obs_value: 100 }),
  obs({ ref_area: 'ARM', table: 'T04', partner: 'RUS', obs_value: 50 }),
  obs({ ref_area: 'GEO', table: 'T01', partner: 'ARM', obs_value: 7 }),
];
const after = [
  obs({ ref_area: 'ARM', table: 'T04', partner: 'GEO', obs_value: 110 }),
  obs({ ref_area: 'ARM', table: 'T04', partner: 'RUS', obs_value: 50 }),
  obs({ ref_area: 'ARM', table: 'T04', partner: 'UKR', obs_value: 5 }),
];

describe('diffObservations', () => {
  it('classifies revised, new and withdrawn values and leaves equal ones out', () => {
    const changes = diffObservations(before, after);
    expect(changes.map((c) => `${c.ref_area} ${c.partner} ${c.change} ${c.old_value}→${c.new_value}`)).toEqual([
      'ARM GEO revised 100→110',
      'ARM UKR new null→5',
      'GEO ARM withdrawn 7→null',
    ]);
    expect(diffCsv(changes).split('\n')[0]).toBe('ref_area,table,time_period,migr_type,sex,age,partner,old_value,new_value,old_status,new_status,change');
  });

  it('gives, for releases in observation order (walked side by side), the changes matched by key', () => {
    // the definition, by key: what the walk must give on any two releases, in order or not
    const byKey = (previous: readonly Observation[], current: readonly Observation[]) => {
      const before = new Map(previous.map((o) => [observationKey(o), o]));
      const after = new Map(current.map((o) => [observationKey(o), o]));
      const out: [Observation, string][] = [];
      for (const [k, now] of after) {
        const old = before.get(k);
        if (!old) out.push([now, 'new']);
        else if (old.obs_value !== now.obs_value || old.obs_status !== now.obs_status) out.push([now, 'revised']);
      }
      for (const [k, old] of before) if (!after.has(k)) out.push([old, 'withdrawn']);
      return out.sort(([a], [b]) => compareObservations(new Map())(a, b)).map(([o, kind]) => `${observationKey(o)} ${kind}`);
    };
    const shown = (changes: ReturnType<typeof diffObservations>) => changes.map((c) => `${observationKey(c)} ${c.change}`);
    // each key once, as in a published release
    const unique = (list: Observation[]) => list.filter((o, i) => list.findIndex((x) => observationKey(x) === observationKey(o)) === i);
    // two sexes outside the code list compare equal, yet are two keys: one withdrawn, one new
    const x = obs({ ref_area: 'ARM', table: 'T04', partner: 'RUS', sex: 'X' as Observation['sex'], obs_value: 1 });
    const y = { ...x, sex: 'Y' as Observation['sex'] };
    expect(shown(diffObservations([x], [y]))).toEqual(byKey([x], [y]));
    expect(shown(diffObservations([x], [y]))).toHaveLength(2);
    for (let seed = 1; seed <= 60; seed++) {
      const a = randomObservations(seed, 30);
      const b = randomObservations(seed + 1000, 30);
      for (const [before, after] of [
        [unique(a.sorted), unique(b.sorted)],
        [unique(a.shuffled), unique(b.shuffled)],
        [[], unique(b.sorted)],
        [unique(a.sorted), []],
        [a.sorted, b.sorted],
      ] as const) {
        expect(shown(diffObservations(before, after)), `seed ${seed}`).toEqual(byKey(before, after));
        // a previous release held as columns, each row rebuilt as the walk reads it
        expect(diffObservations(new ObservationStore().appendAll(before), after), `seed ${seed}`).toEqual(diffObservations(before, after));
      }
    }
  });

  it('summarises a release (releaseChanges) as the full diff would, keeping no change per new value', () => {
    const x = obs({ ref_area: 'ARM', table: 'T04', partner: 'RUS', sex: 'X' as Observation['sex'], obs_value: 1 });
    const y = { ...x, sex: 'Y' as Observation['sex'] };
    const w = obs({ ref_area: 'ARM', table: 'T04', partner: 'AZE', obs_value: 1 });
    // the walk meets w revised, then gives up at x and y: what it met before must not count twice
    expect(releaseChanges([w, x], [{ ...w, obs_value: 2 }, y]).counts).toEqual([{ ref_area: 'ARM', table: 'T04', revised: 1, new: 1, withdrawn: 1 }]);
    for (let seed = 1; seed <= 40; seed++) {
      const a = randomObservations(seed, 30);
      const b = randomObservations(seed + 1000, 30);
      for (const [before, after] of [
        [a.sorted, b.sorted],
        [a.shuffled, b.shuffled],
        [[], b.sorted],
      ] as const) {
        const summary = releaseChanges(before, after);
        expect(summary, `seed ${seed}`).toEqual(summariseChanges(diffObservations(before, after)));
        expect(summary.listed.some((c) => c.change === 'new')).toBe(false);
      }
    }
    const first = releaseChanges([], randomObservations(7, 30).sorted);
    expect(first.listed).toEqual([]);
    expect(first.newByYear.reduce((n, [, count]) => n + count, 0)).toBe(first.counts.reduce((n, c) => n + c.new, 0));
  });

  it("gives the code's release notes: what each package released since the previous release's code, or that nothing was", () => {
    const code = { packages: { '@mch/core': '0.2.0' }, lockfile_sha256: 'ab'.repeat(32) };
    const md = changesMarkdown('2013.2', '2013.1', releaseChanges(before, after), '', undefined, code, [{ package: '@mch/core', version: '0.2.0', entries: ['Shares are rounded once.\n\nFrom their counts <b>x</b>.'] }]);
    // before: "Built with @mch/core 0.2.0" and no word of what that code changed
    expect(md).toContain("Built with @mch/core 0.2.0; lockfile sha256 abababababab.\n\nReleased by the code's packages since the versions that built release 2013.1, from their changesets:\n\n### @mch/core 0.2.0\n\n- Shares are rounded once.\n\n  From their counts &lt;b&gt;x&lt;/b&gt;.\n");
    const between = changesMarkdown('2013.2', '2013.1', releaseChanges(before, after), '', undefined, code, [{ package: '', version: 'unreleased', entries: ['@mch/core: Waivers recorded.'] }]);
    expect(between).toContain("No package of the code released a version since the versions that built release 2013.1.\n\n### Not yet released as a version\n\nThe changesets the code holds beyond those versions, each by its first paragraph (built between the same versions, release 2013.1 may already have held some of them):\n\n- @mch/core: Waivers recorded.\n");
    expect(changesMarkdown('2013.2', '2013.1', releaseChanges(before, after), '', undefined, code, [])).toContain('No package of the code released a version since the versions that built release 2013.1.');
  });

  it('writes CHANGES.md with counts, the revised and withdrawn values and the release notes, inert', () => {
    const md = changesMarkdown('2013.2', '2013.1', releaseChanges(before, after), 'Armenia <b>resubmitted</b> T04.');
    expect(md).toContain('Compared with release 2013.1.');
    expect(md).toContain('| ARM | T04 | 1 | 1 | 0 |');
    expect(md).toContain('| 2012 |  | _T |  | GEO | 100 | 110 | +10 | A | A |');
    expect(md).toContain('## Withdrawn values');
    expect(md).toContain('Armenia &lt;b&gt;resubmitted&lt;/b&gt; T04.');
  });

  it('puts what was revised and where first, and names countries, tables, partners and sexes beside their codes', () => {
    const md = changesMarkdown('2013.2', '2013.1', releaseChanges(before, after), '', changeLabels({ codelists: loadShippedCodeLists(), tableSet: loadShippedTableSet() }));
    const summary = md.slice(md.indexOf('## Summary'), md.indexOf('## Revised values'));
    expect(summary).toBe('## Summary\n\n- Revised: 1 value, in Armenia (ARM) T04 (1).\n- Withdrawn: 1 value, in Georgia (GEO) T01 (1).\n- New: 1 value, by reference year 2012: 1.\n\n');
    expect(md).toContain('### Armenia (ARM), T04 Immigrants by country of previous residence, type of migration, sex, country and year');
    expect(md).toContain('| 2012 |  | Total |  | GEO Georgia | 100 | 110 | +10 | A | A |');
    expect(md.indexOf('## Counts by country and table')).toBeGreaterThan(md.indexOf('## Withdrawn values'));
  });
});

describe('the reason of each revised block', () => {
  const tjk = 'data/raw/2013/TJK_T11_2010_corrected.xlsx';
  const arm = 'data/raw/2013/ARM_resubmission_2010.xlsx';
  const armOld = 'data/raw/2011/ARM_questionnaire_2011.xlsx';
  const geo = 'data/raw/2013/GEO_questionnaire_2013.xlsx';
  const kaz = 'data/raw/2011/KAZ_questionnaire_2011.xlsx';
  const src = (file: string, cell: string, sheet = 'T04') => ({ file, sha256: file.length.toString(16).padStart(64, '0'), sheet, cell, raw: '' });
  const key = { time_period: 2010, migr_type: 'LT', sex: '_T' } as const;

  const previous = [
    obs({ ...key, ref_area: 'ARM', table: 'T04', partner: 'DEU', obs_value: 86, source: src(armOld, 'C21') }),
    obs({ ...key, ref_area: 'ARM', table: 'T04', partner: 'MCH12', obs_value: 1000, derived: true }),
    obs({ ...key, ref_area: 'ARM', table: 'T05', partner: 'RUS', obs_value: 201, source: src(armOld, 'C14', 'T05') }),
    obs({ ...key, ref_area: 'GEO', table: 'T04', partner: 'ARM', obs_value: 50, source: src('data/raw/2011/GEO_questionnaire_2011.xlsx', 'C6') }),
    obs({ ...key, ref_area: 'KAZ', table: 'T04', partner: 'RUS', obs_value: 7, obs_status: 'A', source: src(kaz, 'C9') }),
    obs({ ref_area: 'TJK', table: 'T11', time_period: 2010, partner: 'RUS', obs_value: 351000, source: src('data/raw/2011/TJK_questionnaire_2011.xlsx', 'E13', 't11') }),
  ];
  const current = [
    obs({ ...key, ref_area: 'ARM', table: 'T04', partner: 'DEU', obs_value: 98, source: src(arm, 'C21') }),
    obs({ ...key, ref_area: 'ARM', table: 'T04', partner: 'MCH12', obs_value: 1012, derived: true }),
    obs({ ...key, ref_area: 'ARM', table: 'T05', partner: 'RUS', obs_value: 194, source: src(arm, 'C14', 'T05') }),
    obs({ ...key, ref_area: 'GEO', table: 'T04', partner: 'ARM', obs_value: 55, source: src(geo, 'C6') }),
    // the same file as before, read differently (a status the configuration's legend now gives)
    obs({ ...key, ref_area: 'KAZ', table: 'T04', partner: 'RUS', obs_value: 7, obs_status: 'E', source: src(kaz, 'C9') }),
    obs({ ref_area: 'TJK', table: 'T11', time_period: 2010, partner: 'RUS', obs_value: 351, source: src(tjk, 'B13', 't11') }),
  ];

  function modelWith(tjkFile: { reason?: string; reason_ru?: string }) {
    const base = fixtureModel();
    const config = fixtureConfig({
      countries: {
        ARM: { files: [{ path: armOld, round: 2011 }, { path: arm, round: 2013, supersedes: true, received: '2013-07-15' }] },
        GEO: { files: [{ path: geo, round: 2013 }] },
        KAZ: { files: [{ path: kaz, round: 2011 }] },
        TJK: { files: [{ path: tjk, round: 2013, supersedes: true, received: '2013-07-02', ...tjkFile }] },
      },
    });
    const data: ReleaseModel['data'] = {
      ...base.data,
      observations: current,
      notes: [
        { ref_area: 'ARM', table: 'T04', ref: '', text: 'Source: population register.', source: src(arm, 'A69') },
        { ref_area: 'ARM', table: 'T04', ref: '1', text: 'Corrected: 12 immigrants of 2010 re-coded from "Other countries" to Germany.', source: src(arm, 'A70') },
        { ref_area: 'GEO', table: 'T04', ref: '', text: 'Source: border crossings.', source: src(geo, 'A40') },
        { ref_area: 'TJK', table: 'T11', ref: '', text: 'Источник: исправленные данные.', source: src(tjk, 'A38', 't11') },
      ],
      metadata: [{ ref_area: 'ARM', table: 'T05', source_kind: '', definition_basis: '', reference_date: '', territory: '', breaks: [], notes: 'Revised: the men of 2010 were keyed 7 too high.', from: `${arm}#Metadata` }],
    };
    return { codelists: loadShippedCodeLists(), tableSet: loadShippedTableSet(), config, data, previous: { version: '2011.1', observations: previous } };
  }

  const block = (md: string, heading: string) => {
    const start = md.indexOf(heading);
    expect(start, `no block ${heading}`).toBeGreaterThan(-1);
    return md.slice(start, md.indexOf('| year |', start));
  };

  it('takes the reason the configuration gives for the file that sent the new values, in both languages, before any note of the file', () => {
    const model = modelWith({ reason: 'T11 of 2010 resent in persons: the first file had it in thousands.', reason_ru: 'Таблица 11 за 2010 год в человеках: в первом файле — в тысячах.' });
    const md = changesMarkdown('2013.1', '2011.1', releaseChanges(model.previous.observations, current), '', changeLabels(model));
    expect(block(md, '### Tajikistan (TJK), T11')).toContain(
      `- 1 value from ${tjk} (received 2013-07-02; supersedes the earlier files). Reason (release configuration): T11 of 2010 resent in persons: the first file had it in thousands. / Таблица 11 за 2010 год в человеках: в первом файле — в тысячах.`,
    );
    expect(md).not.toContain('исправленные данные');
  });

  it("without a configured reason takes the file's own note that speaks of the correction (below the table or in its Metadata sheet), never its source line", () => {
    const model = modelWith({});
    const md = changesMarkdown('2013.1', '2011.1', releaseChanges(model.previous.observations, current), '', changeLabels(model));
    const t04 = block(md, '### Armenia (ARM), T04');
    expect(t04).toContain(`- 1 value from ${arm} (received 2013-07-15; supersedes the earlier files). Reason, in the country's own note: «Corrected: 12 immigrants of 2010 re-coded from "Other countries" to Germany.» (sheet "T04", cell A70)`);
    expect(t04).toContain('- 1 value: aggregates the Clearing House derives, recomputed from the changed values the country reported.');
    expect(t04).not.toContain('population register');
    expect(block(md, '### Armenia (ARM), T05')).toContain(`Reason, in the country's own note: «Revised: the men of 2010 were keyed 7 too high.» (sheet "Metadata", notes of T05)`);
    expect(block(md, '### Tajikistan (TJK), T11')).toContain(`Reason, in the country's own note: «Источник: исправленные данные.» (sheet "t11", cell A38)`);
  });

  it('says plainly when neither the country nor the configuration gives a reason, and when the file is the one the previous release read', () => {
    const model = modelWith({});
    const md = changesMarkdown('2013.1', '2011.1', releaseChanges(model.previous.observations, current), '', changeLabels(model));
    const geoBlock = block(md, '### Georgia (GEO), T04');
    expect(geoBlock).toContain(`- 1 value from ${geo}: no reason given by the country or the configuration.`);
    expect(geoBlock).not.toContain('border crossings');
    expect(block(md, '### Kazakhstan (KAZ), T04')).toContain(
      `- 1 value read from the same file as in release 2011.1 (${kaz}, unchanged): changed in processing (code or configuration, see the release notes), not by a resubmission; no reason given by the country or the configuration.`,
    );
    // every revised block says why
    const blocks = md.slice(md.indexOf('## Revised values'), md.indexOf('## Counts')).split('### ').slice(1);
    expect(blocks).toHaveLength(5);
    for (const b of blocks) expect(b).toMatch(/Why revised:\n\n- \d+ values?/);
  });

  it('counts the values of a block by reason', () => {
    const model = modelWith({ reason: 'resent in persons' });
    const twoFiles = [...current, obs({ ref_area: 'TJK', table: 'T11', time_period: 2010, partner: 'KAZ', obs_value: 2, source: src('data/raw/2013/TJK_questionnaire_2013.xlsx', 'B10', 't11') })];
    const before = [...previous, obs({ ref_area: 'TJK', table: 'T11', time_period: 2010, partner: 'KAZ', obs_value: 2000, source: src('data/raw/2011/TJK_questionnaire_2011.xlsx', 'E10', 't11') })];
    const md = changesMarkdown('2013.1', '2011.1', releaseChanges(before, twoFiles), '', changeLabels({ ...model, data: { ...model.data, observations: twoFiles } }));
    const tjkBlock = block(md, '### Tajikistan (TJK), T11');
    expect(tjkBlock).toContain(`- 1 value from ${tjk} (received 2013-07-02; supersedes the earlier files). Reason (release configuration): resent in persons`);
    expect(tjkBlock).toContain('- 1 value from data/raw/2013/TJK_questionnaire_2013.xlsx: no reason given by the country or the configuration.');
  });
});
