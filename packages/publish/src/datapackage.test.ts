import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OBSERVATION_COLUMNS } from '@mch/core';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-read';
import { type Field, OBSERVATION_PRIMARY_KEY, dataPackage, observationFieldInfo, sdmxFieldInfo } from './datapackage';
import { writtenOf } from './file-sinks';
import type { WrittenFile } from './model';
import { observationsCsv } from './observations-csv';
import { publishedObservations } from './publishable';
import { SDMX_COLUMNS, counterpartRole, sdmxCsv } from './sdmx';
import { fixtureConfig, fixtureModel } from './testing/fixture';
import { schemaDir } from './testing/schemas';

/** The SDMX-CSV columns agreed for sdmx/mch.csv (issue 10): each needs its description even before sdmx.ts writes it. */
const AGREED_SDMX_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'FREQ',
  'REF_AREA',
  'MCH_TABLE',
  'TIME_PERIOD',
  'MIGR_TYPE',
  'SEX',
  'AGE',
  'COUNTERPART_AREA',
  'OBS_VALUE',
  'UNIT_MEASURE',
  'UNIT_MULT',
  'OBS_STATUS',
  'CONF_STATUS',
  'DERIVED',
  'DEF_BASIS',
  'COUNTERPART_ROLE',
];

function releaseFiles(): { path: string; bytes: Buffer }[] {
  const model = fixtureModel();
  const published = publishedObservations(model.data.observations, model.codelists).observations;
  const stub = (path: string) => ({ path, bytes: Buffer.from(`stub of ${path}`) });
  return [
    { path: 'data/observations.csv', bytes: Buffer.concat([...observationsCsv(published)]) },
    { path: 'sdmx/mch.csv', bytes: Buffer.concat([...sdmxCsv(published, model.tableSet)]) },
    stub('tables/T04.xlsx'),
    stub('notes/methodology.en.pdf'),
    stub('px/T04.px'),
    stub('quality/report.json'),
    stub('CHANGES.md'),
    stub('index.html'),
  ];
}

type Manifest = {
  licenses: { name: string; path: string; title: string }[];
  description: string;
  resources: { path: string; name: string; schema?: { fields: Field[]; primaryKey: string[]; missingValues: { value: string }[] }; 'mch:tables'?: { id: string; counterpart_role: string }[] }[];
};

const made = releaseFiles();
const files: WrittenFile[] = made.map(writtenOf);
const manifestText = dataPackage(fixtureModel(), files);
const manifest = JSON.parse(manifestText) as Manifest;
const resource = (path: string) => manifest.resources.find((r) => r.path === path)!;

/** Columns that lack a title or a description. */
const undescribed = (columns: readonly string[], info: Record<string, { title?: string; description?: string }>) =>
  columns.filter((c) => !info[c]?.title?.trim() || !info[c]?.description?.trim());

describe('datapackage.json describes its CSV files', () => {
  const model = fixtureModel();

  it('gives every column of observations.csv and sdmx/mch.csv a title and a description', () => {
    expect(undescribed(OBSERVATION_COLUMNS, observationFieldInfo(model))).toEqual([]);
    expect(undescribed(SDMX_COLUMNS, sdmxFieldInfo(model))).toEqual([]);
    expect(undescribed(AGREED_SDMX_COLUMNS, sdmxFieldInfo(model))).toEqual([]);
    // the check catches a column added without its description
    expect(undescribed([...SDMX_COLUMNS, 'OBS_COMMENT'], sdmxFieldInfo(model))).toEqual(['OBS_COMMENT']);
    for (const path of ['data/observations.csv', 'sdmx/mch.csv']) {
      for (const f of resource(path).schema!.fields) expect([f.name, Boolean(f.title && f.description)]).toEqual([f.name, true]);
    }
  });

  it('lists the fields in the order of the CSV header', () => {
    for (const f of made.filter((x) => x.path.endsWith('.csv'))) {
      const header = f.bytes.toString('utf8').split('\n')[0]!.split(',');
      expect(resource(f.path).schema!.fields.map((x) => x.name)).toEqual(header);
    }
  });

  it('has a licence (CC BY 3.0 IGO by default, else the configured one) and a description', () => {
    expect(manifest.licenses).toEqual([{ name: 'CC-BY-3.0-IGO', path: 'https://creativecommons.org/licenses/by/3.0/igo/', title: 'Creative Commons Attribution 3.0 IGO' }]);
    const own = { name: 'ODC-By-1.0', path: 'https://opendatacommons.org/licenses/by/1-0/', title: 'Open Data Commons Attribution License v1.0' };
    const base = fixtureConfig();
    const other = JSON.parse(dataPackage(fixtureModel({ config: fixtureConfig({ metadata: { ...base.metadata, license: own } }) }), files)) as Manifest;
    expect(other.licenses).toEqual([own]);
    // the configuration refuses what the profile would: a licence name that is no licence id
    expect(() => fixtureConfig({ metadata: { ...base.metadata, license: { ...own, name: 'CC BY 3.0' } } })).toThrow(/license\.name|licence id/);
    expect(manifest.description).toContain('Release 2013.1 (2013-06-30)');
    expect(manifest.description).toContain('2 countries (ARM, GEO) for the reference years 2011–2012');
  });

  it('keys observations.csv by its seven key columns and sdmx/mch.csv by its dimensions, and the rows are unique on them', () => {
    expect(resource('data/observations.csv').schema!.primaryKey).toEqual([...OBSERVATION_PRIMARY_KEY]);
    const dims = ['FREQ', 'REF_AREA', 'MCH_TABLE', 'TIME_PERIOD', 'MIGR_TYPE', 'SEX', 'AGE', 'COUNTERPART_AREA'].filter((c) => (SDMX_COLUMNS as readonly string[]).includes(c));
    expect(resource('sdmx/mch.csv').schema!.primaryKey).toEqual(dims);
    for (const f of made.filter((x) => x.path.endsWith('.csv'))) {
      expect(duplicateKeys(f.bytes.toString('utf8'), resource(f.path).schema!.primaryKey)).toEqual([]);
    }
    // the check sees a row that repeats a key
    const obs = made[0]!.bytes.toString('utf8');
    const repeated = `${obs}${obs.split('\n')[1]}\n`;
    expect(duplicateKeys(repeated, OBSERVATION_PRIMARY_KEY)).toHaveLength(1);
  });

  it('types every column so that every cell of the CSV files reads as its type, with its categories', () => {
    for (const f of made.filter((x) => x.path.endsWith('.csv'))) {
      expect(cellProblems(f.bytes.toString('utf8'), resource(f.path).schema!)).toEqual([]);
    }
    const derived = resource('data/observations.csv').schema!.fields.find((f) => f.name === 'derived')!;
    expect(derived).toMatchObject({ type: 'boolean', trueValues: ['true'], falseValues: ['false'] });
    expect(resource('data/observations.csv').schema!.missingValues.map((m) => m.value)).toEqual(['']);
    // what the check refuses: a boolean written as "yes", a year that is no integer, an unknown status
    const obs = made[0]!.bytes.toString('utf8').split('\n');
    const bad = obs[1]!.split(',');
    const col = (name: string) => OBSERVATION_COLUMNS.indexOf(name as (typeof OBSERVATION_COLUMNS)[number]);
    bad[col('derived')] = 'yes';
    bad[col('time_period')] = '2012a';
    bad[col('obs_status')] = 'Z';
    expect(cellProblems([obs[0], bad.join(','), ''].join('\n'), resource('data/observations.csv').schema!).map((p) => p.split(':')[0])).toEqual(['time_period', 'obs_status', 'derived']);
  });

  it("states each table's partner role: MCH_TABLE categories and mch:tables, from the table set", () => {
    const sdmx = resource('sdmx/mch.csv');
    const tables = sdmx['mch:tables']!;
    expect(tables.map((t) => t.id)).toEqual(model.tableSet.tables.map((t) => t.id).sort());
    for (const t of model.tableSet.tables) expect(tables.find((x) => x.id === t.id)!.counterpart_role).toBe(counterpartRole(t.partner_role));
    expect(Object.fromEntries(tables.map((t) => [t.id, t.counterpart_role]))).toMatchObject({
      T01: 'BIRTH',
      T03: '_Z',
      T04: 'PREVIOUS_RESIDENCE',
      T05: 'CITIZENSHIP',
      T08: 'NEXT_RESIDENCE',
      T11: 'PREVIOUS_CITIZENSHIP',
    });
    const mchTable = sdmx.schema!.fields.find((f) => f.name === 'MCH_TABLE')!;
    expect(mchTable.categories!.find((c) => c.value === 'T08')!.label).toBe(
      'T08 Emigrants by country of next residence, type of migration, sex, country and year; COUNTERPART_AREA: country of next residence',
    );
    const role = sdmxFieldInfo(model).COUNTERPART_ROLE!;
    expect(role.categories!.map((c) => c.value).sort()).toEqual(['BIRTH', 'CITIZENSHIP', 'NEXT_RESIDENCE', 'PREVIOUS_CITIZENSHIP', 'PREVIOUS_RESIDENCE', '_Z']);
  });
});

// ---- the official Data Package 2.0 profile, read where the shared specification keeps it ----

const PROFILE = schemaDir('datapackage-2.0');
const PROFILE_DIR = PROFILE.dir ?? PROFILE.looked[0]!;
const HAVE_PROFILE = existsSync(resolve(PROFILE_DIR, 'datapackage.json'));

function compile(file: string): ValidateFunction {
  // not strict: the published profile is not strict-clean JSON Schema (an `item` where `items` was meant,
  // `required` names without `properties` beside them); every standard keyword and format is still checked
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // annotations of the profile that are no JSON Schema keywords, and its editor-only format
  ajv.addVocabulary(['propertyOrder', 'context', 'options']);
  ajv.addFormat('textarea', true);
  return ajv.compile(JSON.parse(readFileSync(resolve(PROFILE_DIR, file), 'utf8')));
}

const errorsOf = (validate: ValidateFunction) => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('datapackage.json records the waivers', () => {
  it('states each waiver the gate passed under, with the findings it accepted, and none where nothing was waived', () => {
    const model = fixtureModel();
    const waiver = { justification: 'The office confirmed the first file stands.', approved_by: 'A. Person', date: '2013-10-04', expires: '2014.1' };
    const base = model.quality.findings[0]!;
    const findings = [
      { ...base, rule: 'MCH-S02' as const, ref_area: 'UKR', table: 'T08', time_period: model.config.reference_years[0]!, waived: true, waiver },
      { ...base, rule: 'MCH-S02' as const, ref_area: 'UKR', table: 'T08', time_period: 1990, waived: true, waiver },
    ];
    const waived = JSON.parse(dataPackage({ ...model, quality: { ...model.quality, findings } }, files)).mch.waivers;
    // before: the manifest held no waiver; only the notes said the release was published under one
    expect(waived).toEqual([{ rule: 'MCH-S02', ref_area: 'UKR', table: 'T08', years: [model.config.reference_years[0]], findings: 1, justification: 'The office confirmed the first file stands.', approved_on: '2013-10-04', expires: '2014.1' }]);
    const none = model.quality.findings.map((f) => ({ ...f, waived: false, waiver: null }));
    expect(JSON.parse(dataPackage({ ...model, quality: { ...model.quality, findings: none } }, files)).mch.waivers).toEqual([]);
  });
});

describe('datapackage.json against the official Data Package 2.0 profile', () => {
  if (!HAVE_PROFILE) {
    // the schemas are the shared specification's, never copied into the project
    it.skip(`skipped: the Data Package 2.0 profile is not in ${PROFILE.looked.join(' or ')} (set MCH_SCHEMAS)`, () => {});
    return;
  }

  it('accepts the manifest a release writes and rejects one with a resource without path', () => {
    const validate = compile('datapackage.json');
    expect(validate(JSON.parse(manifestText)), errorsOf(validate).join('\n')).toBe(true);

    const broken = JSON.parse(manifestText) as { resources: Record<string, unknown>[] };
    delete broken.resources[0]!.path;
    expect(validate(broken)).toBe(false);
    expect(errorsOf(validate).some((e) => e.startsWith('/resources/0 '))).toBe(true);

    const badHash = JSON.parse(manifestText) as { resources: Record<string, unknown>[] };
    badHash.resources[1]!.hash = 'sha256:not-hex';
    expect(validate(badHash)).toBe(false);

    const badLicence = { ...JSON.parse(manifestText), licenses: [{ name: 'CC BY 3.0 IGO', title: 'a name with spaces is no licence id' }] };
    expect(validate(badLicence)).toBe(false);
    expect(errorsOf(validate).some((e) => e.startsWith('/licenses/0/name '))).toBe(true);
  });

  it('accepts the Table Schema of each CSV resource against the Table Schema profile, and rejects a broken one', () => {
    if (!existsSync(resolve(PROFILE_DIR, 'tableschema.json'))) return; // the package profile above already covers the inline schemas
    const validate = compile('tableschema.json');
    for (const path of ['data/observations.csv', 'sdmx/mch.csv']) {
      const schema = resource(path).schema!;
      expect(validate(schema), `${path}: ${errorsOf(validate).join('\n')}`).toBe(true);
    }
    const broken = structuredClone(resource('data/observations.csv').schema!) as unknown as { fields: Record<string, unknown>[] };
    broken.fields.find((f) => f.name === 'derived')!.trueValues = [];
    expect(validate(broken)).toBe(false);
  });
});

// ---- small readers of a CSV by its Table Schema ----

function rowsOf(text: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parseCsv(text, 'test.csv');
  return { header, rows };
}

function duplicateKeys(text: string, key: readonly string[]): string[] {
  const { header, rows } = rowsOf(text);
  const at = key.map((k) => header.indexOf(k));
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const r of rows) {
    const k = at.map((i) => r[i]).join('|');
    if (seen.has(k)) dup.push(k);
    seen.add(k);
  }
  return dup;
}

/** Cells that do not read as their field's type or are not one of its categories, as "field: value". */
function cellProblems(text: string, schema: { fields: Field[]; missingValues: { value: string }[] }): string[] {
  const { header, rows } = rowsOf(text);
  const problems: string[] = [];
  for (const r of rows) {
    header.forEach((name, i) => {
      const f = schema.fields.find((x) => x.name === name)!;
      const v = r[i] ?? '';
      const missing = f.missingValues ?? schema.missingValues.map((m) => m.value);
      if (missing.includes(v)) return;
      const ok =
        f.type === 'integer'
          ? /^-?\d+$/.test(v)
          : f.type === 'number'
            ? /^-?\d+(\.\d+)?$/.test(v)
            : f.type === 'boolean'
              ? [...(f.trueValues ?? []), ...(f.falseValues ?? [])].includes(v)
              : !f.categories || f.categories.some((c) => c.value === v);
      if (!ok) problems.push(`${name}: ${v}`);
    });
  }
  return problems;
}
