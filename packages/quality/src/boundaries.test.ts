import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ALLOWED = [/^@mch\/core(\/testing|\/xlsx)?$/, /^\.\.?\//, /^node:/, /^handlebars$/, /^exceljs$/, /^@mch\/office(\/exceljs)?$/, /^playwright-core$/, /^vitest$/, /^fast-check$/];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('stage boundaries (style.md)', () => {
  it('imports only core, its own files and declared libraries, never another stage', () => {
    const src = new URL('.', import.meta.url).pathname;
    const bad: string[] = [];
    for (const f of files(src)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/^(?:import|export|\}).* from '([^']+)';$/gm)) {
        const spec = m[1]!;
        if (!ALLOWED.some((re) => re.test(spec)) || /packages\/(ingest|harmonise|publish|cli)/.test(spec)) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
