/** Exit codes of cli.md; the highest applicable wins. */
export const EXIT = { ok: 0, data: 1, cannotRun: 2, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const ERROR_CODES = {
  usage: EXIT.cannotRun,
  'config-invalid': EXIT.cannotRun,
  'file-unreadable': EXIT.cannotRun,
  'path-outside-project': EXIT.cannotRun,
  'release-exists': EXIT.cannotRun,
  'release-locked': EXIT.cannotRun,
  'manifest-invalid': EXIT.cannotRun,
  /** an input a release manifest records no longer has the recorded hash (reproduce) */
  'input-changed': EXIT.cannotRun,
  /** more data than this process has memory for (a release too large to publish at once) */
  'too-large': EXIT.cannotRun,
  internal: EXIT.internal,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The one exception type the program throws on purpose. Data problems are findings or rejections,
 * not exceptions; an MchError means the command cannot go on. `where` names the file and the
 * place (field path, sheet and cell, line).
 */
export class MchError extends Error {
  readonly code: ErrorCode;
  readonly where: string;
  readonly details: readonly string[];
  constructor(code: ErrorCode, message: string, options: { where?: string; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MchError';
    this.code = code;
    this.where = options.where ?? '';
    this.details = options.details ?? [];
  }
  get exitCode(): ExitCode {
    return ERROR_CODES[this.code];
  }
}

export function isMchError(e: unknown): e is MchError {
  return e instanceof MchError;
}

/**
 * An error as a worker thread posts it to the thread that started it: a structured clone keeps
 * neither an MchError's class nor a system error's code, and both decide what the user is told
 * and the exit code (an MchError's code; `cannot write "…": no space left` for ENOSPC).
 */
export interface PostedError {
  name: string;
  message: string;
  stack?: string;
  /** an MchError's code, or a system error's (ENOENT …) */
  code?: string;
  where?: string;
  details?: string[];
  syscall?: string;
  path?: string;
  errno?: number;
}

export function postError(e: unknown): PostedError {
  const error = e instanceof Error ? e : new Error(String(e));
  const posted: PostedError = { name: error.name, message: error.message, stack: error.stack };
  if (isMchError(error)) return { ...posted, code: error.code, where: error.where, details: [...error.details] };
  const sys = error as NodeJS.ErrnoException;
  if (typeof sys.code === 'string') posted.code = sys.code;
  if (typeof sys.syscall === 'string') posted.syscall = sys.syscall;
  if (typeof sys.path === 'string') posted.path = sys.path;
  if (typeof sys.errno === 'number') posted.errno = sys.errno;
  return posted;
}

/** The error a worker posted, as this thread throws it: an MchError stays one, a system error keeps its code and path, anything else its stack. */
export function errorFromThread(p: PostedError): Error {
  if (p.name === 'MchError' && p.code && Object.hasOwn(ERROR_CODES, p.code)) return new MchError(p.code as ErrorCode, p.message, { where: p.where, details: p.details });
  const error: NodeJS.ErrnoException = new Error(p.message);
  error.name = p.name;
  if (p.stack) error.stack = p.stack;
  if (p.code) error.code = p.code;
  if (p.syscall) error.syscall = p.syscall;
  if (p.path) error.path = p.path;
  if (p.errno !== undefined) error.errno = p.errno;
  return error;
}
