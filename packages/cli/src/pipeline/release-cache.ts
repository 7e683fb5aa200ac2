import { createHash } from 'node:crypto';
import { type Observation, ObservationStore, deserialiseStore, serialiseStore } from '@mch/core';
import { ContentCache } from './cache';
import { RELEASE_READER_CODE, codeFingerprint } from './code-fingerprint';
import { cacheDir } from './countries';

/**
 * The observations of published releases (the previous ones a release is compared with), read
 * once: a published release never changes, so its observations.csv, parsed and checked, is kept as
 * columns under the hash of its bytes and of the code that reads it, and every later run reads
 * the columns instead of parsing the CSV again.
 */
export class ReleaseReadCache {
  private readonly files: ContentCache;
  private readonly code: string;

  constructor(root: string) {
    this.files = new ContentCache(cacheDir(root));
    this.code = codeFingerprint(root, RELEASE_READER_CODE);
  }

  observations(csv: Uint8Array, parse: () => Observation[]): Observation[] {
    const key = createHash('sha256').update(this.code).update('\n').update(csv).digest('hex');
    const hit = this.files.read('releases', key, (payload) => deserialiseStore(payload).toArray());
    if (hit) return hit;
    const parsed = parse();
    this.files.write('releases', key, serialiseStore(new ObservationStore().appendAll(parsed)));
    return parsed;
  }
}
