import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';
import { describeConfigIssues } from './config';
import { MchError } from './errors';

/**
 * Parses YAML text and validates it against a schema: parse → validate, with every problem
 * listed (file, field path, what was expected). Pure: the caller reads the file.
 */
export function parseYamlWith<S extends z.ZodType>(schema: S, text: string, fileName: string): z.infer<S> {
  let raw: unknown;
  try {
    // YAML 1.2's core schema: a date stays text ("2013-11-15"), duplicate keys are errors
    raw = load(text, { schema: CORE_SCHEMA, filename: fileName });
  } catch (e) {
    throw new MchError('config-invalid', `${fileName} is not valid YAML: ${yamlProblem(e)}`, { where: fileName });
  }
  if (raw === undefined || raw === null) throw new MchError('config-invalid', `${fileName} is empty: it holds no configuration`, { where: fileName });
  // an alias is the same object again, not a copy: a few lines of aliases of aliases reach billions of values
  const values = countValues(raw, MAX_VALUES);
  if (values > MAX_VALUES) {
    throw new MchError('config-invalid', `${fileName} is not a valid configuration: its aliases (*name) repeat more than ${MAX_VALUES.toLocaleString('en')} values`, { where: fileName });
  }
  const polluted = findForbiddenKeys(raw, []);
  if (polluted.length) {
    const details = polluted.map((path) => `${fileName}: ${path}: this key is not allowed`);
    throw new MchError('config-invalid', `${fileName} is not a valid configuration (${details.length} problem(s))`, {
      where: fileName,
      details,
    });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const details = describeConfigIssues(result.error).map((d) => `${fileName}: ${d}`);
    throw new MchError('config-invalid', `${fileName} is not a valid configuration (${details.length} problem(s))`, {
      where: fileName,
      details,
    });
  }
  return result.data;
}

/** Far more values than any configuration or code list holds (the shipped ones, some 10 000). */
const MAX_VALUES = 1_000_000;

/** The values the parsed document holds with every alias expanded, counted up to just past `limit`. */
function countValues(value: unknown, limit: number): number {
  let n = 0;
  const stack = [value];
  while (stack.length && n <= limit) {
    const v = stack.pop();
    n++;
    if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return n;
}

/** js-yaml's reason and where, "duplicated mapping key at line 3, column 1" (its message adds a snippet of the file). */
function yamlProblem(e: unknown): string {
  const x = e as { reason?: string; mark?: { line: number; column: number }; message?: string };
  if (!x.reason) return String(x.message ?? e);
  return x.mark ? `${x.reason} at line ${x.mark.line + 1}, column ${x.mark.column + 1}` : x.reason;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of keys that could reach Object.prototype if the object were copied (prototype pollution). */
function findForbiddenKeys(value: unknown, path: string[]): string[] {
  if (value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) found.push(here.join('.'));
    for (const f of findForbiddenKeys((value as Record<string, unknown>)[key], here)) found.push(f);
  }
  return found;
}
