import { type ArgsDef, type CommandDef, defineCommand, runCommand } from 'citty';
// the exit codes and MchError alone: core's index (zod, the code lists) loads with the first
// command or error, so `mch --help` and `--version` answer without it
import { EXIT, MchError } from '@mch/core/errors';
import { usage } from './terminal';
import { cliVersion } from './version';

interface Entry {
  load: () => Promise<CommandDef>;
  /** its line in `mch --help`, the command's own meta.description (a test holds them equal) */
  description: string;
  /** the positional argument that takes every remaining one */
  variadic?: string;
}

const command = (m: { default: unknown }) => m.default as CommandDef;

/** Commands load lazily: `mch verify` never pays for exceljs or pdfmake, `mch --help` loads none. */
export const COMMANDS: Record<string, Entry> = {
  ingest: {
    load: () => import('./commands/ingest').then(command),
    description: 'Read country files (xlsx or csv) and show what was read: observations, rejections, accounting.',
    variadic: 'files',
  },
  check: {
    load: () => import('./commands/check').then(command),
    description: 'Ingest, harmonise and run every quality rule; write the internal quality reports.',
  },
  release: {
    load: () => import('./commands/release').then(command),
    description: 'Run the whole chain and publish the release folder if the quality gate passes.',
  },
  verify: {
    load: () => import('./commands/verify').then(command),
    description: 'Recompute every hash of a release, its manifest included, and report missing, extra or changed files.',
  },
  reproduce: {
    load: () => import('./commands/reproduce').then(command),
    description: 'Rebuild a release from the configuration and inputs its manifest records, and compare.',
  },
  diff: { load: () => import('./commands/diff').then(command), description: 'List revised, new and withdrawn values between two releases.' },
  status: {
    load: () => import('./commands/status').then(command),
    description: 'Who has sent what: countries × tables × years, received / missing / rejected cells / open errors.',
  },
  waive: {
    load: () => import('./commands/waive').then(command),
    description: 'Turn a finding of report.json into a waiver entry (YAML) bound to the values it saw.',
  },
  template: {
    load: () => import('./commands/template').then(command),
    description: 'Write the blank questionnaire for a country: Cover, Metadata and one sheet per table, in English and Russian.',
  },
};

export const main = defineCommand({
  meta: {
    name: 'mch',
    version: cliVersion(),
    description: 'Migration Clearing House pipeline: ingest country files, check them, publish versioned releases.',
  },
  // what `mch --help` lists: names and lines only, so it loads no command (citty would load them all)
  subCommands: Object.fromEntries(Object.entries(COMMANDS).map(([name, e]) => [name, { meta: { name, description: e.description } }])),
});

const isHelp = (a: string) => a === '--help' || a === '-h';
const isVersion = (a: string) => a === '--version' || a === '-v';

/** `mch --help` and `mch --version` take nothing after them: an argument too many is refused, as every command refuses one. */
function refuseAfter(option: string, rest: readonly string[]): void {
  if (!rest.length) return;
  const [first = ''] = rest;
  const hint = isHelp(option) && COMMANDS[first] ? `; for the help of a command: mch ${first} --help` : '';
  throw new MchError('usage', `${option} takes no arguments, not ${rest.map((a) => `"${a}"`).join(', ')}${hint}`, { details: ['(mch --help lists the commands)'] });
}

/** Runs the CLI and returns the exit code of cli.md; the only place exceptions are caught. */
export async function run(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    const { reportError } = await import('./report-error');
    return reportError(e, argv);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [name = '', ...rest] = argv;
  if (argv.length === 0 || isHelp(name)) {
    refuseAfter(name, rest);
    console.log(await usage(main));
    return argv.length === 0 ? EXIT.cannotRun : EXIT.ok;
  }
  if (isVersion(name)) {
    refuseAfter(name, rest);
    console.log(`mch ${cliVersion()}`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  const { checkArgv, closest } = await import('./argv');
  if (!entry) {
    const option = name.startsWith('-');
    const close = option ? closest(name.replace(/^-+/, ''), ['help', 'version']) : closest(name, Object.keys(COMMANDS));
    const what = option ? `unknown option ${name}; mch takes a command first` : `unknown command "${name}"`;
    throw new MchError('usage', `${what}${close ? `; did you mean ${option ? `--${close}` : close}?` : ''}`, { details: [`commands: ${Object.keys(COMMANDS).join(', ')} (mch --help)`] });
  }
  const sub = await entry.load();
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.some(isHelp)) {
    // `mch verify --help --bogus` is refused as `mch verify --bogus` is; nothing is required to ask for help
    checkArgv(name, (sub.args ?? {}) as ArgsDef, rest.filter((a, i) => !(isHelp(a) && i < options.length)), entry.variadic, true);
    console.log(await usage(sub, main));
    return EXIT.ok;
  }
  checkArgv(name, (sub.args ?? {}) as ArgsDef, rest, entry.variadic);
  const { result } = await runCommand(sub, { rawArgs: rest });
  return typeof result === 'number' ? result : EXIT.ok;
}
