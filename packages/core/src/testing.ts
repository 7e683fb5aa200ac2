// Loads the repository's shipped configuration for tests of this and other packages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeLists } from './codelists';
import { parseYamlWith } from './parse';
import { TableSet } from './tables';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function loadShippedCodeLists(): CodeLists {
  const path = `${REPO_ROOT}pipelines/mch/codelists.yaml`;
  return parseYamlWith(CodeLists, readFileSync(path, 'utf8'), 'pipelines/mch/codelists.yaml');
}

export function loadShippedTableSet(): TableSet {
  const path = `${REPO_ROOT}pipelines/mch/tables.yaml`;
  return parseYamlWith(TableSet, readFileSync(path, 'utf8'), 'pipelines/mch/tables.yaml');
}
