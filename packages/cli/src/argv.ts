import type { ArgDef, ArgsDef } from 'citty';
import { MchError, editDistance } from '@mch/core';

/**
 * What citty leaves unchecked: every option is one the command knows, every string option has a
 * value and is given once, every required argument is there and none is left over. A mistyped
 * option must never run the command with something else (`--output` silently ignored).
 * `variadic` names the positional that takes the rest (ingest's files). With `help` (the command
 * line asks for --help, left out of `raw`) nothing is required, but nothing unknown or extra passes.
 */
export function checkArgv(command: string, def: ArgsDef, raw: readonly string[], variadic?: string, help = false): void {
  const options = new Map(Object.entries(def).filter(([, d]) => d.type !== 'positional'));
  const positionals = Object.entries(def).filter(([, d]) => d.type === 'positional');
  const spelled = optionNames(options);
  const problems: string[] = [];
  /** each option given, under the name it was given as (--no-cache for cache) */
  const seen = new Map<string, string>();
  const given: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const arg = raw[i]!;
    if (arg === '--') {
      for (const rest of raw.slice(i + 1)) given.push(rest);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      given.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const name = flag.startsWith('--') ? flag.slice(2) : '';
    const negated = name.startsWith('no-') && options.get(name.slice(3))?.type === 'boolean';
    const key = negated ? name.slice(3) : name;
    const d = options.get(key);
    if (!d) {
      // --help is an option of every command
      const close = closest(flag.replace(/^-+/, ''), [...spelled, 'help']);
      problems.push(unknownOption(command, flag, close, spelled));
      // `--output X`: X is the value of the misspelt --out, not an extra argument
      const meant = close ? options.get(close) : undefined;
      if (eq === -1 && meant && meant.type !== 'boolean' && raw[i + 1] !== undefined && !raw[i + 1]!.startsWith('-')) i++;
      continue;
    }
    const before = seen.get(key);
    if (before !== undefined) problems.push(before === flag ? `${flag} is given twice; give it once` : `${before} and ${flag} are both given; give one`);
    seen.set(key, flag);
    if (d.type === 'boolean') {
      if (eq !== -1) problems.push(`--${key} is a switch and takes no value ("${arg}")`);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : raw[i + 1];
    if (eq === -1 && value !== undefined && !value.startsWith('--')) i++;
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      problems.push(`--${key} needs a value: ${describe(d)}`);
      continue;
    }
    if (d.type === 'enum' && d.options && !d.options.includes(value)) problems.push(`--${key} must be one of ${d.options.join(', ')}, not "${value}"`);
  }
  const rest = variadic && positionals.at(-1)?.[0] === variadic;
  positionals.forEach(([name, d], i) => {
    if (!help && given[i] === undefined && d.required !== false && d.default === undefined) problems.push(`missing ${name.toUpperCase()}: ${describe(d)}`);
  });
  if (!rest && given.length > positionals.length) {
    const extra = given.slice(positionals.length).map((a) => `"${a}"`).join(', ');
    const takes = positionals.length ? positionals.map(([n]) => n.toUpperCase()).join(' ') : 'no arguments';
    problems.push(`unexpected argument${given.length - positionals.length > 1 ? 's' : ''} ${extra}: mch ${command} takes ${takes}`);
  }
  for (const [name, d] of options) {
    if (!help && d.required && !seen.has(name)) problems.push(`--${name} is required: ${describe(d)}`);
  }
  if (problems.length) {
    const [first, ...more] = problems;
    throw new MchError('usage', `${command}: ${first}`, { details: [...more, `(mch ${command} --help lists its arguments and options)`] });
  }
}

/** The options as they can be typed: a switch both ways (cache, no-cache). */
function optionNames(options: Map<string, ArgDef>): string[] {
  return [...options].flatMap(([name, d]) => (d.type === 'boolean' ? [name, `no-${name}`] : [name]));
}

/** The nearest valid name within a third of its length (at least 2 edits), or one the typed name starts with or extends. */
export function closest(typed: string, valid: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of valid) {
    const prefix = name.startsWith(typed) || typed.startsWith(name);
    const d = prefix ? Math.min(1, editDistance(typed, name)) : editDistance(typed, name);
    if (d <= Math.max(2, Math.floor(name.length / 3)) || prefix) if (!best || d < best.d) best = { name, d };
  }
  return best?.name;
}

function unknownOption(command: string, flag: string, close: string | undefined, valid: string[]): string {
  if (close) return `unknown option ${flag}; did you mean --${close}?`;
  return `unknown option ${flag}; mch ${command} ${valid.length ? `has none like it (its options: ${valid.map((v) => `--${v}`).join(', ')})` : 'takes no options'}`;
}

function describe(d: ArgDef): string {
  return d.description ?? 'see --help';
}
