import { parse as parseYaml } from 'yaml';
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
    raw = parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (e) {
    throw new MchError('config-invalid', `${fileName} is not valid YAML: ${(e as Error).message}`, { where: fileName });
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
