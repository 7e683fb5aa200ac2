import { type CommandDef, renderUsage } from 'citty';

/**
 * Colour only for a person at a terminal: never into a pipe or a file, never under NO_COLOR
 * (no-color.org: any non-empty value). citty decides on its own and colours pipes, so its text
 * goes through here.
 */
export function useColour(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

const ANSI = /\u001B\[[0-9;]*m/g;

export function plain(text: string): string {
  return text.replace(ANSI, '');
}

/** The --help text of a command, coloured only where colour belongs. */
export async function usage(cmd: CommandDef, parent?: CommandDef): Promise<string> {
  const text = await renderUsage(cmd, parent);
  return useColour() ? text : plain(text);
}
