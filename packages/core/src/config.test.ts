import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
});
