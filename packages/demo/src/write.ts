import { readFile } from 'node:fs/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseYamlWith, TableSet } from '@mch/core';
import { buildDemoFiles, type GeneratedFile } from './generate';

/** Reads the table set of the repository and writes every demonstration file under `outDir`. */
export async function writeDemoData(outDir: string, repoRoot: string): Promise<GeneratedFile[]> {
  const tablesPath = join(repoRoot, 'pipelines/mch/tables.yaml');
  const tableSet = parseYamlWith(TableSet, await readFile(tablesPath, 'utf8'), 'pipelines/mch/tables.yaml');
  const files = await buildDemoFiles(tableSet);
  for (const f of files) {
    const target = join(outDir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.bytes);
  }
  return files;
}
