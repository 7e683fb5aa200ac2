import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { MchError } from '@mch/core';

/**
 * JavaScript heap a release takes to publish, per harmonised observation: publish holds the
 * release's observations (each source by origin) and one table's cells at a time as objects;
 * tier M committed at most 2.09 GB of heap for 4.52 million observations (462 bytes each,
 * `--trace-gc`, BENCHMARKS.md), with 15 % room for the writers' own.
 */
export const PUBLISH_HEAP_PER_OBSERVATION = 530;

const GB = 1024 ** 3;
const gb = (bytes: number) => (bytes / GB).toFixed(1);

/**
 * Refuses, before any file is written, a release this process cannot hold: Node would otherwise
 * stop with a fatal out-of-memory error (no message of ours, a half-written temporary folder
 * left) after minutes of work. The limit is this process's heap limit, which
 * NODE_OPTIONS=--max-old-space-size raises where the machine has the memory.
 */
export function assertPublishFits(observations: number, where: string, heapLimit = getHeapStatistics().heap_size_limit, machine = totalmem()): void {
  const need = observations * PUBLISH_HEAP_PER_OBSERVATION;
  if (need <= heapLimit) return;
  // beside the heap the process holds the columns, buffers and worker threads: its peak was 1.09 ×
  // this estimate at tier M and 0.83 × at tier L (14.0 GB, with the heap raised as said below)
  const more = need * 1.2 <= machine;
  throw new MchError('too-large', `${where}: a release of ${observations.toLocaleString('en')} observations needs about ${gb(need)} GiB of memory to publish, and this process may use ${gb(heapLimit)} GiB; nothing was published`, {
    where,
    details: [
      more
        ? `this machine has ${gb(machine)} GiB: give Node more with NODE_OPTIONS=--max-old-space-size=${Math.ceil((need * 1.1) / 1024 ** 2)} and run again`
        : `this machine has ${gb(machine)} GiB, too little for the release at once: publish fewer countries or years per release`,
    ],
  });
}
