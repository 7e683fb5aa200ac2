import { readFileSync } from 'node:fs';

/** The version of @mch/cli, what `mch --version` prints and an internal error's log records. */
export function cliVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
