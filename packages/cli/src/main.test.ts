import { rmSync } from 'node:fs';
import type { ArgsDef, CommandDef } from 'citty';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, run } from './main';

/** Runs the CLI in this process and keeps what it prints. */
async function mch(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    return { code: await run(argv), stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** The typing slip of swapping two neighbouring letters. */
const misspell = (name: string) => `${name[1]}${name[0]}${name.slice(2)}`;

describe('every command × a misspelt option', { timeout: 60_000 }, () => {
  for (const name of Object.keys(COMMANDS)) {
    it(`mch ${name} refuses each misspelt option with exit 2, names it and suggests the one meant`, async () => {
      const sub = await COMMANDS[name]!.load();
      const options = [...Object.entries((sub.args ?? {}) as ArgsDef).filter(([, d]) => d.type !== 'positional').map(([o]) => o), 'help'];
      for (const option of options) {
        const typed = `--${misspell(option)}`;
        const r = await mch(name, typed, 'value');
        expect(r.code, `${name} ${typed}`).toBe(2);
        expect(r.stderr).toContain(`unknown option ${typed}; did you mean --${option}?`);
        expect(r.stdout).toBe('');
      }
    });
  }
});

describe('mch itself', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints its version', async () => {
    const r = await mch('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mch \d+\.\d+\.\d+$/);
  });

  it('refuses an argument too many after --version or --help, as every command does', async () => {
    expect(await mch('--version', 'extra')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--version takes no arguments, not "extra"') });
    expect(await mch('--version', '--bogus')).toMatchObject({ code: 2, stdout: '' });
    expect(await mch('--help', 'verify')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('for the help of a command: mch verify --help') });
    expect(await mch('verify', '--help', '--bogus')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('unknown option --bogus') });
    expect(await mch('verify', '--help', 'a', 'b')).toMatchObject({ code: 2, stderr: expect.stringContaining('unexpected argument "b"') });
    // asking for help needs none of the command's arguments
    expect(await mch('verify', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('mch verify') });
    expect(await mch('ingest', '-h', '--country', 'ARM')).toMatchObject({ code: 0 });
  });

  it('suggests the command meant, and refuses an option before the command', async () => {
    expect(await mch('verfy')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "verfy"; did you mean verify?') });
    expect(await mch('--verbose', 'check')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --verbose; mch takes a command first') });
    expect((await mch('--verbose', 'check')).stderr).not.toContain('did you mean');
    expect(await mch('--versoin')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --versoin; mch takes a command first; did you mean --version?') });
  });

  it('lists every command in --help with its own description, loading none of them', async () => {
    const loads = Object.values(COMMANDS).map((e) => vi.spyOn(e, 'load'));
    const r = await mch('--help');
    expect(r.code).toBe(0);
    for (const l of loads) expect(l).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    for (const [name, e] of Object.entries(COMMANDS)) {
      const meta = (await e.load()).meta as { name: string; description: string };
      expect(meta.name).toBe(name);
      expect(e.description, name).toBe(meta.description);
      expect(r.stdout).toContain(`${name}  `);
      expect(r.stdout).toContain(meta.description);
    }
  });

  it('prints help without colour codes when stdout is not a terminal', async () => {
    const r = await mch('release', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mch release');
    expect(r.stdout).not.toMatch(/\u001B\[/);
  });

  it('reports a bug as one with exit 70 and a log file, never a stack trace', async () => {
    const broken: CommandDef = { meta: { name: 'verify' }, args: {}, run: () => (undefined as unknown as { x: () => void }).x() };
    vi.spyOn(COMMANDS.verify!, 'load').mockResolvedValue(broken);
    const r = await mch('verify');
    expect(r.code).toBe(70);
    expect(r.stderr).toContain('this is a bug in mch');
    expect(r.stderr).toMatch(/the log \S+mch-error-\S+\.log/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    rmSync(/the log (\S+)/.exec(r.stderr)![1]!);
  });
});
