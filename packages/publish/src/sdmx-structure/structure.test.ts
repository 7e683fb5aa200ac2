// sdmx/structure.xml against the official SDMX-ML 2.1 schemas (xmllint) and against the
// sdmx/mch.csv it describes: every code the CSV uses is in the code list of its column.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BASIS_LABELS } from '@mch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-read';
import { publishedRelease } from '../published/index';
import { writeRelease } from '../release';
import { SDMX_COLUMNS } from '../sdmx';
import { fixtureModel } from '../testing/fixture';
import { schemaDir } from '../testing/schemas';
import { sdmxStructure } from './index';
import { type Node, all, parseXml, texts } from './xml-read';

const SCHEMAS = schemaDir('sdmx-ml-2.1');
const SCHEMA = resolve(SCHEMAS.dir ?? SCHEMAS.looked[0]!, 'SDMXMessage.xsd');
const HAVE_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
const HAVE_SCHEMAS = existsSync(SCHEMA);
const IN_CI = process.env.CI === 'true';

let dir: string;
let structure: string;
let csv: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mch-sdmx-structure-'));
  await writeRelease(fixtureModel(), join(dir, '2013.1'));
  structure = await readFile(join(dir, '2013.1', 'sdmx', 'structure.xml'), 'utf8');
  csv = await readFile(join(dir, '2013.1', 'sdmx', 'mch.csv'), 'utf8');
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** xmllint's verdict on a message against SDMXMessage.xsd, offline. */
async function validate(xml: string): Promise<{ ok: boolean; errors: string }> {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.xml`);
  await writeFile(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { ok: r.status === 0, errors: r.stderr };
}

/** Code lists by id, and for each component of the data structure its code list or text type. */
function readStructure(xml: string) {
  const doc = parseXml(xml);
  const lists = new Map(all(doc, 'str:Codelist').map((l) => [l.attrs.id!, new Set(all(l, 'str:Code').map((c) => c.attrs.id!))]));
  const components = new Map<string, string>();
  for (const kind of ['str:Dimension', 'str:TimeDimension', 'str:Attribute', 'str:PrimaryMeasure']) {
    for (const c of all(doc, kind).filter((n) => n.attrs.id && all(n, 'str:ConceptIdentity').length)) {
      const enumeration = all(c, 'str:Enumeration')[0];
      components.set(c.attrs.id!, enumeration ? all(enumeration, 'Ref')[0]!.attrs.id! : `text:${all(c, 'str:TextFormat')[0]?.attrs.textType}`);
    }
  }
  return { doc, lists, components };
}

/** Every value of sdmx/mch.csv that its column's representation in the structure does not allow. */
function codesOutside(xml: string, text: string): string[] {
  const { lists, components } = readStructure(xml);
  const [header, ...rows] = parseCsv(text, 'mch.csv');
  const out = new Set<string>();
  for (const [j, column] of header!.entries()) {
    if (['STRUCTURE', 'STRUCTURE_ID', 'ACTION'].includes(column)) continue;
    const rep = components.get(column);
    if (!rep) {
      out.add(`${column}: no component`);
      continue;
    }
    const allowed = (v: string) =>
      rep === 'text:Boolean' ? v === 'true' || v === 'false' : rep === 'text:Integer' ? /^(-?\d+)?$/.test(v) : rep === 'text:ObservationalTimePeriod' ? /^\d{4}$/.test(v) : (lists.get(rep)?.has(v) ?? false);
    for (const r of rows) if (!allowed(r[j]!)) out.add(`${column} ${r[j]} (${rep})`);
  }
  return [...out];
}

describe('sdmx/structure.xml against the official SDMX-ML 2.1 schemas', () => {
  // the schemas are the shared specification's, never copied into the project: without them this
  // is skipped and says so; xmllint is a tool .ci/run installs, so in CI its absence fails
  if (!HAVE_SCHEMAS) {
    it.skip(`skipped: the SDMX-ML 2.1 schemas are not in ${SCHEMAS.looked.join(' or ')} (set MCH_SCHEMAS)`, () => {});
    return;
  }
  if (!HAVE_XMLLINT && !IN_CI) {
    it.skip('skipped: xmllint (libxml2-utils) is not installed (outside CI; with CI=true this fails)', () => {});
    return;
  }

  it('finds xmllint (required in CI)', () => {
    expect(HAVE_XMLLINT, 'xmllint (Debian libxml2-utils) must be installed').toBe(true);
  });

  it('validates the message a release writes and rejects a code without a name and an id SDMX does not allow', async () => {
    expect(await validate(structure)).toEqual({ ok: true, errors: expect.stringContaining('validates') });
    const nameless = structure.replace(/(<str:Code id="M">)\s*<com:Name xml:lang="en">[^<]*<\/com:Name>\s*<com:Name xml:lang="ru">[^<]*<\/com:Name>/, '$1');
    expect(nameless).not.toBe(structure);
    expect((await validate(nameless)).errors).toMatch(/Code.*Missing child element/s);
    const dotted = structure.replace('<str:Codelist id="CL_SEX"', '<str:Codelist id="CL.SEX"');
    expect(await validate(dotted)).toMatchObject({ ok: false, errors: expect.stringContaining('CL.SEX') });
  });
});

describe('sdmx/structure.xml and sdmx/mch.csv', () => {
  it('lists every code sdmx/mch.csv uses, _Z included, and catches one it does not', () => {
    expect(codesOutside(structure, csv)).toEqual([]);
    // the columns that say "not applicable" do so in this release, so their lists are tested on _Z
    const [header, ...rows] = parseCsv(csv, 'mch.csv');
    for (const column of ['MIGR_TYPE', 'AGE', 'COUNTERPART_AREA', 'DEF_BASIS', 'COUNTERPART_ROLE']) expect(rows.some((r) => r[header!.indexOf(column)] === '_Z'), column).toBe(true);
    const tampered = csv.replace(/,GEO,/, ',ZZZ,').replace(/,false,/, ',no,');
    expect(codesOutside(structure, tampered).sort()).toEqual(['COUNTERPART_AREA ZZZ (CL_AREA)', 'DERIVED no (text:Boolean)']);
  });

  it('has one component per column of sdmx/mch.csv, in the dataflow the CSV names', () => {
    const { doc, components } = readStructure(structure);
    expect([...components.keys()].sort()).toEqual(SDMX_COLUMNS.filter((c) => !['STRUCTURE', 'STRUCTURE_ID', 'ACTION'].includes(c)).sort());
    expect(components.get('DERIVED')).toBe('text:Boolean');
    expect(all(doc, 'str:TimeDimension').map((t) => t.attrs.id)).toEqual(['TIME_PERIOD']);
    const flow = all(doc, 'str:Dataflow')[0]!;
    expect(`${flow.attrs.agencyID}:${flow.attrs.id}(${flow.attrs.version})`).toBe('UNECE:MCH(1.0)');
    expect(new Set(parseCsv(csv, 'mch.csv').slice(1).map((r) => r[1]))).toEqual(new Set(['UNECE:MCH(1.0)']));
    expect(all(flow, 'Ref')[0]!.attrs.id).toBe(all(doc, 'str:DataStructure')[0]!.attrs.id);
  });

  it('names every code list, code, concept, structure and dataflow in English and in Russian', () => {
    const { doc } = readStructure(structure);
    const named: Node[] = ['str:Codelist', 'str:Code', 'str:ConceptScheme', 'str:Concept', 'str:DataStructure', 'str:Dataflow'].flatMap((n) => all(doc, n));
    expect(named.length).toBeGreaterThan(100);
    for (const n of named) expect([n.attrs.id, Object.keys(texts(n)).sort(), Object.values(texts(n)).every(Boolean)]).toEqual([n.attrs.id, ['en', 'ru'], true]);
  });

  it('takes its labels from the configuration, not from a list of its own', () => {
    const base = fixtureModel();
    const codelists = { ...base.codelists, sex: base.codelists.sex.map((s) => (s.code === 'M' ? { ...s, label_en: 'Males (edited)', label_ru: 'Мужчины (правка)' } : s)) };
    const tableSet = { ...base.tableSet, tables: base.tableSet.tables.map((t) => (t.id === 'T04' ? { ...t, title_en: 'Arrivals (edited)' } : t)) };
    const model = fixtureModel({ codelists, tableSet });
    const { doc } = readStructure(sdmxStructure(model, publishedRelease(model)));
    const code = (list: string, id: string) => texts(all(all(doc, 'str:Codelist').find((l) => l.attrs.id === list)!, 'str:Code').find((c) => c.attrs.id === id)!);
    expect(code('CL_SEX', 'M')).toEqual({ en: 'Males (edited)', ru: 'Мужчины (правка)' });
    expect(code('CL_MCH_TABLE', 'T04').en).toBe('Arrivals (edited)');
    expect(code('CL_AREA', 'ARM')).toEqual({ en: 'Armenia', ru: 'Армения' });
    const mch12 = model.codelists.special_partners.find((p) => p.code === 'MCH12')!;
    expect(code('CL_AREA', 'MCH12')).toEqual({ en: mch12.label_en, ru: mch12.label_ru });
    const perm = BASIS_LABELS.find((b) => b.code === 'PERM_REG')!;
    expect(code('CL_DEF_BASIS', 'PERM_REG')).toEqual({ en: perm.short_en, ru: perm.short_ru });
  });
});
