import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReleaseConfig } from './config';
import { MchError } from './errors';
import { releaseConfigJsonSchema } from './json-schema';
import { parseYamlWith } from './parse';
import { REPO_ROOT } from './testing';

describe('release configuration', () => {
  it('matches the committed JSON Schema (run `pnpm --filter @mch/core schema` after changing it)', () => {
    const committed = readFileSync(`${REPO_ROOT}pipelines/release-config.schema.json`, 'utf8');
    expect(releaseConfigJsonSchema()).toBe(committed);
  });

  it('lists every problem with its field path', () => {
    const text = [
      'version: 2013-1',
      'release_date: 2013-11-15',
      'reference_years: [2012]',
      'table_set: ../outside.yaml',
      'codelists: pipelines/mch/codelists.yaml',
      'countries: { ARM: { files: [], colour: red } }',
      'metadata: { title_en: a, title_ru: b, contact: { organisation: o, unit: u, email: e, organisation_ru: o } }',
    ].join('\n');
    try {
      parseYamlWith(ReleaseConfig, text, 'pipelines/mch/bad.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MchError);
      const details = (e as MchError).details.join('\n');
      expect(details).toContain('pipelines/mch/bad.yaml: version:');
      expect(details).toContain('table_set: a path inside the repository');
      expect(details).toMatch(/countries\.ARM.*colour/);
      expect((e as MchError).exitCode).toBe(2);
    }
  });

  it('refuses prototype-pollution keys', () => {
    const text = `version: "2013.1"\nrelease_date: 2013-11-15\nreference_years: [2012]\ntable_set: a\ncodelists: b\ncountries: { ARM: { aliases: { __proto__: KGZ } } }\nmetadata: { title_en: a, title_ru: b, contact: { organisation: o, unit: u, email: e, organisation_ru: o } }`;
    expect(() => parseYamlWith(ReleaseConfig, text, 'x.yaml')).toThrow(MchError);
    expect(({} as Record<string, unknown>).KGZ).toBeUndefined();
  });

  it('names the line of a YAML error, and refuses a key given twice', () => {
    const twice = 'version: "2013.1"\nrelease_date: 2013-11-15\nversion: "2013.2"\n';
    expect(() => parseYamlWith(ReleaseConfig, twice, 'x.yaml')).toThrow(/^x\.yaml is not valid YAML: duplicated mapping key at line 3, column 1$/);
    expect(() => parseYamlWith(ReleaseConfig, 'reference_years: [2012,\n', 'y.yaml')).toThrow(/^y\.yaml is not valid YAML: .+ at line 2, column \d+$/);
  });

  it('says an empty file or one of comments only is empty', () => {
    for (const text of ['', '# nothing yet\n', '~\n']) expect(() => parseYamlWith(ReleaseConfig, text, 'e.yaml'), JSON.stringify(text)).toThrow(/^e\.yaml is empty: it holds no configuration$/);
  });

  it('reads a date as text, as YAML 1.2 does, not as a timestamp', () => {
    const read = parseYamlWith(z.object({ release_date: z.unknown(), round: z.unknown() }), 'release_date: 2013-11-15\nround: 2013\n', 'x.yaml');
    expect(read).toEqual({ release_date: '2013-11-15', round: 2013 });
  });

  it('refuses aliases that repeat a value past any configuration\'s size (a billion laughs), quickly', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(i ? `*l${i - 1}` : '*a').join(', ')}]`);
    const started = Date.now();
    expect(() => parseYamlWith(ReleaseConfig, lines.join('\n'), 'bomb.yaml')).toThrow(/bomb\.yaml is not a valid configuration: its aliases \(\*name\) repeat more than 1,000,000 values/);
    expect(Date.now() - started).toBeLessThan(5000);
    // a few aliases are fine
    expect(() => parseYamlWith(ReleaseConfig, 'years: &y [2012]\nreference_years: *y', 'small.yaml')).toThrow(/not a valid configuration \(\d+ problem/);
  });
});
