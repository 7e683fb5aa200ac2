import { readFileSync } from 'node:fs';
import { type BreakEntry, BreakRegister, CodeLists, MchError, ReleaseConfig, TableSet, parseYamlWith } from '@mch/core';
import { systemReason } from '../report-error';
import { isReportingCountry } from './country-arg';
import { inputProblems } from './preflight';
import { refuseIrregular } from './regular-file';
import { displayPath, repoPath } from './repo';

export interface LoadedConfig {
  root: string;
  configPath: string;
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  breaks: BreakEntry[];
}

/**
 * Reads and validates a release configuration and everything it names. With `inputs`, every file
 * it names is checked too (there, readable, inside data/), so a chain never starts on a
 * configuration that cannot finish; every problem is listed at once.
 */
export function loadReleaseConfig(root: string, path: string, options: { inputs?: boolean } = {}): LoadedConfig {
  const full = repoPath(root, path, 'release configuration');
  const configPath = displayPath(root, full);
  const config = parseYamlWith(ReleaseConfig, readConfigText(full, configPath), configPath);
  const named = (p: string, field: string) => readConfigText(repoPath(root, p, `${configPath}: ${field}`), p);
  const tableSet = parseYamlWith(TableSet, named(config.table_set, 'table_set'), config.table_set);
  const codelists = parseYamlWith(CodeLists, named(config.codelists, 'codelists'), config.codelists);
  const register = config.break_register ? parseYamlWith(BreakRegister, named(config.break_register, 'break_register'), config.break_register) : [];
  const loaded = { root, configPath, config, tableSet, codelists, breaks: [...register, ...config.breaks] };
  const problems = [...referenceProblems(loaded), ...(options.inputs ? inputProblems(loaded) : [])];
  if (problems.length) {
    throw new MchError('config-invalid', `${configPath} cannot be used: ${problems.length} problem(s), nothing was run`, { where: configPath, details: problems });
  }
  return loaded;
}

/** A configuration file as text: UTF-8 only, since YAML is, and a wrong encoding would turn names into mojibake unseen. */
export function readConfigText(full: string, shown: string): string {
  refuseIrregular(full, shown);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new MchError('file-unreadable', `cannot read "${shown}": ${systemReason(code)}`, { where: shown });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const { line, offset } = firstInvalidUtf8(bytes);
    throw new MchError('config-invalid', `"${shown}" is not UTF-8 text (line ${line}, byte ${offset}); save it as UTF-8`, { where: shown });
  }
}

/** Where decoding first fails: the longest prefix that decodes, found by halving. */
function firstInvalidUtf8(bytes: Buffer): { line: number; offset: number } {
  const ok = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return { line, offset: lo };
}

/** Table ids and codes the configuration uses must exist in its table set and code lists. */
function referenceProblems({ configPath, config, tableSet, codelists }: LoadedConfig): string[] {
  const known = new Set(tableSet.tables.map((t) => t.id));
  const problems: string[] = [];
  const at = (field: string, what: string) => {
    problems.push(`${configPath}: ${field}: ${what}`);
  };
  const tables = (field: string, ids: readonly string[] = []) => {
    for (const [i, t] of ids.entries()) if (!known.has(t)) at(`${field}.${i}`, `unknown table ${t} (not in ${config.table_set})`);
  };
  const country = (field: string, code: string) => {
    if (!isReportingCountry(code, codelists)) at(field, `${code} is not the ISO alpha-3 code of a country in ${config.codelists}`);
  };
  for (const [i, b] of config.breaks.entries()) {
    tables(`breaks.${i}.tables`, b.tables);
    country(`breaks.${i}.ref_area`, b.ref_area);
  }
  for (const [i, w] of config.waivers.entries()) if (w.table && !known.has(w.table)) at(`waivers.${i}.table`, `unknown table ${w.table}`);
  for (const [iso, c] of Object.entries(config.countries)) {
    country(`countries.${iso}`, iso);
    if (!c) continue;
    for (const t of Object.keys(c.definition_basis)) if (t !== 'default' && !known.has(t)) at(`countries.${iso}.definition_basis.${t}`, 'unknown table');
    for (const [i, b] of c.basis_changes.entries()) tables(`countries.${iso}.basis_changes.${i}.tables`, b.tables);
    for (const [i, group] of c.same_source.entries()) tables(`countries.${iso}.same_source.${i}`, group);
    tables(`countries.${iso}.supply.tables`, c.supply?.tables);
    for (const [label, code] of Object.entries(c.aliases)) if (!isReportingCountry(code, codelists, true)) at(`countries.${iso}.aliases.${label}`, `${code} is not a code of ${config.codelists}`);
    for (const [i, m] of (c.cis_members ?? []).entries()) country(`countries.${iso}.cis_members.${i}`, m);
  }
  return problems;
}
