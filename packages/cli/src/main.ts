import { type ArgsDef, type CommandDef, defineCommand, runCommand } from 'citty';
import { EXIT, MchError } from '@mch/core';
import { checkArgv, closest } from './argv';
import { reportError } from './report-error';
import { usage } from './terminal';
import { cliVersion } from './version';

interface Entry {
  load: () => Promise<CommandDef>;
  /** the positional argument that takes every remaining one */
  variadic?: string;
}

const command = (m: { default: unknown }) => m.default as CommandDef;

/** Commands load lazily: `mch verify` never pays for exceljs or pdfmake. */
export const COMMANDS: Record<string, Entry> = {
  ingest: { load: () => import('./commands/ingest').then(command), variadic: 'files' },
  check: { load: () => import('./commands/check').then(command) },
  release: { load: () => import('./commands/release').then(command) },
  verify: { load: () => import('./commands/verify').then(command) },
  reproduce: { load: () => import('./commands/reproduce').then(command) },
  diff: { load: () => import('./commands/diff').then(command) },
  status: { load: () => import('./commands/status').then(command) },
  waive: { load: () => import('./commands/waive').then(command) },
  template: { load: () => import('./commands/template').then(command) },
};

export const main = defineCommand({
  meta: {
    name: 'mch',
    version: cliVersion(),
    description: 'Migration Clearing House pipeline: ingest country files, check them, publish versioned releases.',
  },
  subCommands: Object.fromEntries(Object.entries(COMMANDS).map(([name, e]) => [name, e.load])),
});

const isHelp = (a: string) => a === '--help' || a === '-h';

/** Runs the CLI and returns the exit code of cli.md; the only place exceptions are caught. */
export async function run(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    return reportError(e, argv);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [name = '', ...rest] = argv;
  if (argv.length === 0 || isHelp(name)) {
    console.log(await usage(main));
    return argv.length === 0 ? EXIT.cannotRun : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    console.log(`mch ${cliVersion()}`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const close = closest(name.replace(/^-+/, ''), Object.keys(COMMANDS));
    const what = name.startsWith('-') ? `unknown option ${name}; mch takes a command first` : `unknown command "${name}"`;
    throw new MchError('usage', `${what}${close ? `; did you mean ${close}?` : ''}`, { details: [`commands: ${Object.keys(COMMANDS).join(', ')} (mch --help)`] });
  }
  const sub = await entry.load();
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.some(isHelp)) {
    console.log(await usage(sub, main));
    return EXIT.ok;
  }
  checkArgv(name, (sub.args ?? {}) as ArgsDef, rest, entry.variadic);
  const { result } = await runCommand(sub, { rawArgs: rest });
  return typeof result === 'number' ? result : EXIT.ok;
}
