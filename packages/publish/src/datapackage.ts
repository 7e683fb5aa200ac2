import { OBSERVATION_COLUMNS, cmp } from '@mch/core';
import { sha256, stableJson } from './hash';
import type { ReleaseFile, ReleaseModel } from './model';
import { SDMX_COLUMNS } from './sdmx';

export const MANIFEST = 'datapackage.json';

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  html: 'text/html',
  json: 'application/json',
  md: 'text/markdown',
  pdf: 'application/pdf',
  px: 'text/x-pcaxis',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const NO_VALUE = [{ value: '', label: 'no value: obs_status says why (O not available, M not applicable, Q confidential)' }];

type Field = { name: string; type: string };

const INTEGER = new Set(['time_period', 'unit_mult', 'TIME_PERIOD', 'UNIT_MULT']);
const NUMBER = new Set(['obs_value', 'OBS_VALUE']);

function fieldsOf(columns: readonly string[]): Field[] {
  return columns.map((name) => ({
    name,
    type: INTEGER.has(name) ? 'integer' : NUMBER.has(name) ? 'number' : name === 'derived' ? 'boolean' : 'string',
  }));
}

/** Table Schemas of the CSV resources, by release-relative path. */
const SCHEMAS: Record<string, { fields: Field[]; missingValues: typeof NO_VALUE }> = {
  'data/observations.csv': { fields: fieldsOf(OBSERVATION_COLUMNS), missingValues: NO_VALUE },
  'sdmx/mch.csv': { fields: fieldsOf(SDMX_COLUMNS), missingValues: NO_VALUE },
};

/** datapackage.json (Frictionless Data Package v2) over every other file of the release. */
export function dataPackage(model: ReleaseModel, files: readonly ReleaseFile[]): string {
  const resources = [...files]
    .sort((a, b) => cmp(a.path, b.path))
    .map((f) => {
      const ext = f.path.slice(f.path.lastIndexOf('.') + 1);
      return {
        name: f.path.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        path: f.path,
        bytes: f.bytes.length,
        hash: `sha256:${sha256(f.bytes)}`,
        mediatype: MEDIA_TYPES[ext] ?? 'application/octet-stream',
        ...(ext === 'csv' ? { type: 'table', format: 'csv', encoding: 'utf-8', dialect: { header: true, delimiter: ',', lineTerminator: '\n' } } : {}),
        ...(SCHEMAS[f.path] ? { schema: SCHEMAS[f.path] } : {}),
      };
    });
  const manifest = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'unece-mch',
    title: model.config.metadata.title_en,
    version: model.config.version,
    created: `${model.config.release_date}T00:00:00Z`,
    resources,
    mch: {
      release_date: model.config.release_date,
      reference_years: [...model.config.reference_years].sort((a, b) => a - b),
      // the folder as configured (a later release follows this link back); its version beside it
      previous_release: model.config.previous_release ?? null,
      previous_version: model.previous?.version ?? null,
      configuration: model.configFile ? { path: model.configFile.path, hash: `sha256:${model.configFile.sha256}` } : null,
      inputs: [...model.inputs].sort((a, b) => cmp(a.path, b.path)).map((i) => ({ path: i.path, bytes: i.bytes, hash: `sha256:${i.sha256}` })),
      code_version: { packages: model.codeVersion.packages, lockfile_hash: `sha256:${model.codeVersion.lockfile_sha256}` },
      environment: { node: model.environment.node, platform: model.environment.platform },
    },
  };
  return stableJson(manifest);
}
