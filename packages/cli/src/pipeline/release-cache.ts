import { type ObservationStore, deserialiseStore, serialiseStore } from '@mch/core';
import { CodeKeyedCache } from './cache';
import { RELEASE_READER_CODE } from './code-fingerprint';
import { cacheDir } from './countries';

/**
 * The observations of published releases (the previous ones a release is compared with), read
 * once: a published release never changes, so its observations.csv, parsed and checked, is kept as
 * columns under the hash of its bytes and of the code that reads it, and every later run reads
 * the columns instead of parsing the CSV again. The bytes' sha256 is the one the chain records as
 * the release's input: hundreds of megabytes are not hashed again for the key.
 */
export class ReleaseReadCache {
  private readonly cache: CodeKeyedCache;

  constructor(root: string) {
    this.cache = new CodeKeyedCache(cacheDir(root), root, 'releases', RELEASE_READER_CODE);
  }

  async observations(csvSha256: string, parse: () => Promise<ObservationStore>): Promise<ObservationStore> {
    const key = `observations.csv sha256:${csvSha256}`;
    const hit = this.cache.read(key, (payload) => deserialiseStore(payload));
    if (hit) return hit;
    const parsed = await parse();
    this.cache.write(key, serialiseStore(parsed));
    return parsed;
  }
}
