import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReleaseConfig } from './config';

// a repository of its own holding the shipped table set and code lists and one country file
const root = mkdtempSync(join(tmpdir(), 'mch-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync(join(REPO_ROOT, 'pipelines', 'mch'), join(root, 'pipelines', 'mch'), { recursive: true });
mkdirSync(join(root, 'data', 'raw'), { recursive: true });
cpSync(join(REPO_ROOT, 'packages/cli/src/fixtures/gate/ARM_gate.csv'), join(root, 'data/raw/ARM_gate.csv'));
const GOOD = readFileSync(join(REPO_ROOT, 'packages/cli/src/fixtures/gate-release.yaml'), 'utf8').replace('packages/cli/src/fixtures/gate/ARM_gate.csv', 'data/raw/ARM_gate.csv');

function load(name: string, text: string | Buffer) {
  writeFileSync(join(root, name), text);
  try {
    loadReleaseConfig(root, name, { inputs: true });
    return ['accepted'];
  } catch (e) {
    const err = e as { message: string; details: string[] };
    return [err.message, ...err.details];
  }
}

describe('loadReleaseConfig with its inputs', () => {
  it('accepts a configuration whose files, codes and tables all exist', () => {
    expect(load('good.yaml', GOOD)).toEqual(['accepted']);
  });

  it('lists every missing file, unknown code and unknown table at once, each with its field and path', () => {
    const bad = GOOD.replace('data/raw/ARM_gate.csv', 'data/raw/ARM_gone.csv').replace('  ARM:\n', '  ARM:\n    aliases: { "Atlantis": ATL }\n').replace('tables: [T05]', 'tables: [T05, T99]') + 'previous_release: data/releases/1999.1\n';
    expect(load('bad.yaml', bad)).toEqual([
      'bad.yaml cannot be used: 4 problem(s), nothing was run',
      'bad.yaml: countries.ARM.supply.tables.1: unknown table T99 (not in pipelines/mch/tables.yaml)',
      'bad.yaml: countries.ARM.aliases.Atlantis: ATL is not a code of pipelines/mch/codelists.yaml',
      'bad.yaml: countries.ARM.files.0.path: "data/raw/ARM_gone.csv" does not exist',
      'bad.yaml: previous_release: "data/releases/1999.1" does not exist; publish that release first',
    ]);
  });

  it('refuses a configuration that is not UTF-8, saying where', () => {
    const latin1 = Buffer.from(GOOD.replace('title_en: "Gate test"', 'title_en: "Gate test café"'), 'latin1');
    const line = GOOD.split('\n').findIndex((l) => l.includes('title_en')) + 1;
    expect(load('latin1.yaml', latin1)[0]).toMatch(new RegExp(`^"latin1.yaml" is not UTF-8 text \\(line ${line}, byte \\d+\\); save it as UTF-8$`));
  });
});
