import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, isMchError } from '@mch/core';
import { cliVersion } from './version';

/** Errors of the machine, not of mch: a path that cannot be read or written, a full disk. */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'an input/output error of the device',
};

/** The words for a system error code, for messages that name a path. */
export function systemReason(code: string | undefined): string {
  return (code && SYSTEM_ERRORS[code]) ?? code ?? 'unknown error';
}

/** Prints what went wrong, once, without a stack trace, and returns the exit code of cli.md. */
export function reportError(error: unknown, argv: readonly string[]): number {
  if (isMchError(error)) {
    console.error(`mch: ${error.message}`);
    for (const d of error.details) console.error(`  ${d}`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === 'CLIError') {
    console.error(`mch: ${error.message}`);
    return EXIT.cannotRun;
  }
  const sys = error as NodeJS.ErrnoException;
  if (sys instanceof Error && sys.code && SYSTEM_ERRORS[sys.code]) {
    const verb = /^(open|write|mkdir|rename|link|copyfile|unlink|rm|symlink)/.test(sys.syscall ?? '') ? 'write' : 'read';
    // a stream's write (a full disk, standard output on /dev/full) names no path: the machine's error all the same
    const what = sys.path ? ` "${sys.path}"` : verb === 'write' ? ' the output' : ' the input';
    console.error(`mch: cannot ${verb}${what}: ${systemReason(sys.code)} (${sys.code})`);
    return EXIT.cannotRun;
  }
  return reportBug(error, argv);
}

/** A bug: a short message, the details in a log file to attach to the report. */
export function reportBug(error: unknown, argv: readonly string[]): number {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const log = join(tmpdir(), `mch-error-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
  let written = true;
  try {
    const context = [`mch ${cliVersion()} (Node.js ${process.version}, ${process.platform}-${process.arch})`, `command: mch ${argv.join(' ')}`, `cwd: ${process.cwd()}`];
    writeFileSync(log, `${context.join('\n')}\n\n${text}\n`);
  } catch {
    written = false;
  }
  const first = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error('mch: internal error — this is a bug in mch, not a problem with your data.');
  console.error(`  ${first.split('\n')[0]!.slice(0, 300)}`);
  if (written) console.error(`  Please report it with the command you ran and the log ${log}`);
  else console.error('  Please report it with the command you ran (the log could not be written; MCH_DEBUG=1 shows the details).');
  if (process.env.MCH_DEBUG === '1') console.error(text);
  return EXIT.internal;
}
