import { type Observation, ObservationStore, deserialiseStore, serialiseStore } from '@mch/core';
import { CodeKeyedCache } from './cache';
import { RELEASE_READER_CODE } from './code-fingerprint';
import { cacheDir } from './countries';

/**
 * The observations of published releases (the previous ones a release is compared with), read
 * once: a published release never changes, so its observations.csv, parsed and checked, is kept as
 * columns under the hash of its bytes and of the code that reads it, and every later run reads
 * the columns instead of parsing the CSV again.
 */
export class ReleaseReadCache {
  private readonly cache: CodeKeyedCache;

  constructor(root: string) {
    this.cache = new CodeKeyedCache(cacheDir(root), root, 'releases', RELEASE_READER_CODE);
  }

  observations(csv: Uint8Array, parse: () => Observation[]): Observation[] {
    const hit = this.cache.read(csv, (payload) => deserialiseStore(payload).toArray());
    if (hit) return hit;
    const parsed = parse();
    this.cache.write(csv, serialiseStore(new ObservationStore().appendAll(parsed)));
    return parsed;
  }
}
