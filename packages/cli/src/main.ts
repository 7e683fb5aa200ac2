import { type CommandDef, defineCommand, runCommand, showUsage } from 'citty';
import { EXIT, isMchError } from '@mch/core';

type Loader = () => Promise<CommandDef>;

/** Commands load lazily: `mch verify` never pays for exceljs or pdfmake. */
const commands: Record<string, Loader> = {
  ingest: () => import('./commands/ingest').then((m) => m.default as unknown as CommandDef),
  check: () => import('./commands/check').then((m) => m.default as unknown as CommandDef),
  release: () => import('./commands/release').then((m) => m.default as unknown as CommandDef),
  verify: () => import('./commands/verify').then((m) => m.default as unknown as CommandDef),
  reproduce: () => import('./commands/reproduce').then((m) => m.default as unknown as CommandDef),
  diff: () => import('./commands/diff').then((m) => m.default as unknown as CommandDef),
  status: () => import('./commands/status').then((m) => m.default as unknown as CommandDef),
  waive: () => import('./commands/waive').then((m) => m.default as unknown as CommandDef),
  template: () => import('./commands/template').then((m) => m.default as unknown as CommandDef),
};

export const main = defineCommand({
  meta: {
    name: 'mch',
    description: 'Migration Clearing House pipeline: ingest country files, check them, publish versioned releases.',
  },
  subCommands: commands,
});

/** Runs the CLI and returns the exit code of cli.md; the only place exceptions are caught. */
export async function run(argv: string[]): Promise<number> {
  const [name] = argv;
  const loader = name ? commands[name] : undefined;
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
      await showUsage(main);
      return argv.length === 0 ? EXIT.cannotRun : EXIT.ok;
    }
    if (!loader) {
      await showUsage(main);
      console.error(`mch: unknown command "${name}"`);
      return EXIT.cannotRun;
    }
    const sub = await loader();
    if (argv.includes('--help') || argv.includes('-h')) {
      await showUsage(sub, main);
      return EXIT.ok;
    }
    const { result } = await runCommand(sub, { rawArgs: argv.slice(1) });
    return typeof result === 'number' ? result : EXIT.ok;
  } catch (e) {
    return report(e, loader ? await loader().catch(() => undefined) : undefined);
  }
}

async function report(e: unknown, sub: CommandDef | undefined): Promise<number> {
  if (isMchError(e)) {
    console.error(`mch: ${e.message}`);
    for (const d of e.details) console.error(`  ${d}`);
    return e.exitCode;
  }
  if (e instanceof Error && e.name === 'CLIError') {
    if (sub) await showUsage(sub, main);
    console.error(`mch: ${e.message}`);
    return EXIT.cannotRun;
  }
  console.error('mch: internal error — this is a bug in mch, not a problem with your data.');
  console.error('Please report it with the command you ran and the text below:');
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return EXIT.internal;
}
