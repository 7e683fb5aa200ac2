import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * How to start a worker on the module `name` beside `here` (an import.meta.url): the .js of a
 * build as it is. Under the sources a worker would compile its modules again with tsx (about as
 * long as the work it is given), so there it starts only when asked (`sources`, the tests), with
 * tsx registered in the worker first. Undefined when it cannot start.
 */
export function workerEntry(here: string | undefined, name: string, sources: boolean): ((options?: WorkerOptions) => Worker) | undefined {
  if (!here) return undefined;
  const ts = here.endsWith('.ts');
  const entry = new URL(`./${name}.${ts ? 'ts' : 'js'}`, here);
  if (!existsSync(fileURLToPath(entry))) return undefined;
  if (!ts) return (options) => new Worker(entry, options);
  if (!sources) return undefined;
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return (options) => new Worker(boot, { ...options, eval: true });
}
