import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MchError } from '@mch/core';

/** LibreOffice is slow to start; a conversion that takes longer than this is stuck, not working. */
const CONVERT_TIMEOUT_MS = 180_000;

export const HOW_TO_CONVERT =
  'open it in Excel or LibreOffice and save it as .xlsx, or install LibreOffice so that `soffice --headless --convert-to xlsx` can convert it, then list the .xlsx in the configuration';

/** The soffice executable on PATH, or undefined. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Converts an old Excel .xls workbook to .xlsx with LibreOffice, in a temporary folder of its own
 * (its own user profile too, so parallel conversions do not fight over one). The caller reads the
 * result; provenance keeps naming the .xls the country sent.
 */
export function convertXls(bytes: Uint8Array, file: string, soffice = findSoffice()): Uint8Array {
  const unreadable = (what: string, cause?: unknown) => new MchError('file-unreadable', `${file} cannot be read: ${what}`, { where: file, cause });
  if (!soffice) throw unreadable(`it is an old Excel .xls workbook and LibreOffice (soffice) is not installed; ${HOW_TO_CONVERT}`);
  const dir = mkdtempSync(join(tmpdir(), 'mch-xls-'));
  try {
    const input = join(dir, 'input.xls');
    writeFileSync(input, bytes);
    const run = spawnSync(
      soffice,
      ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', 'xlsx', '--outdir', dir, input],
      { timeout: CONVERT_TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output = join(dir, 'input.xlsx');
    if (run.error || !existsSync(output)) {
      const why = run.error ? run.error.message : (run.stderr || run.stdout || `exit code ${run.status}`).trim().slice(0, 200);
      throw unreadable(`it looks like an old Excel .xls workbook, but LibreOffice could not convert it (${why}); ${HOW_TO_CONVERT}`, run.error);
    }
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
