import { readFileSync, rmSync, unlinkSync } from 'node:fs';
import { constants } from 'node:os';

/**
 * What mch undoes when it is stopped by a signal (Ctrl-C, kill): the temporary folders a
 * command is filling and a lock it holds. Commands add what they make, and take it off once it is
 * renamed into place or removed; the handler (exitOnSignals, in bin.ts) undoes what is left and
 * exits 128 + the signal's number. A published folder is renamed whole, so it never needs undoing.
 * Work that is synchronous cannot be interrupted halfway: Node runs the handler between turns.
 */
const pending = new Set<() => void>();

/** Runs `undo` if mch is stopped before the returned function is called. */
export function onInterrupt(undo: () => void): () => void {
  const entry = () => undo();
  pending.add(entry);
  return () => {
    pending.delete(entry);
  };
}

/** A temporary file or folder, removed whole if mch is stopped while it is being filled. */
export function removedOnInterrupt(path: string): () => void {
  return onInterrupt(() => rmSync(path, { recursive: true, force: true }));
}

/**
 * A lock file (publish's `<target>.lock`, holding its writer's pid), removed if mch is stopped,
 * but only while it names this process: a lock another release holds is never touched.
 */
export function lockReleasedOnInterrupt(lock: string, pid = process.pid): () => void {
  return onInterrupt(() => {
    if (lockHolder(lock) === pid) unlinkSync(lock);
  });
}

function lockHolder(lock: string): number | undefined {
  try {
    const text = readFileSync(lock, 'utf8');
    return /^\d+\n?$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Undoes everything still registered, the latest first; one that fails does not stop the others. */
export function undoPending(): void {
  for (const undo of [...pending].reverse()) {
    pending.delete(undo);
    try {
      undo();
    } catch {
      // what cannot be removed stays; the next release of the version takes over a dead writer's folder and lock
    }
  }
}

// not SIGHUP: under nohup it is ignored, and a handler would undo that
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** On Ctrl-C or kill: undo, say so, exit 130 or 143. */
export function exitOnSignals(): void {
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      undoPending();
      process.stderr.write(`mch: stopped by ${signal}; its temporary files were removed\n`);
      process.exit(128 + constants.signals[signal]);
    });
  }
}
