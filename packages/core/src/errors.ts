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
