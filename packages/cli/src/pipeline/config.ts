import { readFileSync } from 'node:fs';
import { type BreakEntry, BreakRegister, CodeLists, MchError, ReleaseConfig, TableSet, parseYamlWith } from '@mch/core';
import { displayPath, repoPath } from './repo';

export interface LoadedConfig {
  root: string;
  configPath: string;
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  breaks: BreakEntry[];
}

/** Reads and validates a release configuration and everything it names. */
export function loadReleaseConfig(root: string, path: string): LoadedConfig {
  const full = repoPath(root, path, 'release configuration');
  const configPath = displayPath(root, full);
  const config = parseYamlWith(ReleaseConfig, readText(full, configPath), configPath);
  const tableSet = parseYamlWith(TableSet, readText(repoPath(root, config.table_set, `${configPath}: table_set`), config.table_set), config.table_set);
  const codelists = parseYamlWith(CodeLists, readText(repoPath(root, config.codelists, `${configPath}: codelists`), config.codelists), config.codelists);
  const register = config.break_register
    ? parseYamlWith(BreakRegister, readText(repoPath(root, config.break_register, `${configPath}: break_register`), config.break_register), config.break_register)
    : [];
  checkTablesKnown(configPath, config, tableSet);
  return { root, configPath, config, tableSet, codelists, breaks: [...register, ...config.breaks] };
}

function readText(full: string, shown: string): string {
  try {
    return readFileSync(full, 'utf8');
  } catch (e) {
    throw new MchError('file-unreadable', `cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { where: shown });
  }
}

/** Table ids used in the configuration must exist in its table set. */
function checkTablesKnown(configPath: string, config: ReleaseConfig, tableSet: TableSet): void {
  const known = new Set(tableSet.tables.map((t) => t.id));
  const problems: string[] = [];
  config.breaks.forEach((b, i) => {
    for (const t of b.tables) if (!known.has(t)) problems.push(`${configPath}: breaks.${i}.tables: unknown table ${t}`);
  });
  for (const [iso, c] of Object.entries(config.countries)) {
    for (const t of Object.keys(c?.definition_basis ?? {})) {
      if (t !== 'default' && !known.has(t)) problems.push(`${configPath}: countries.${iso}.definition_basis.${t}: unknown table`);
    }
  }
  if (problems.length) throw new MchError('config-invalid', `${configPath} names tables that are not in ${config.table_set}`, { where: configPath, details: problems });
}
