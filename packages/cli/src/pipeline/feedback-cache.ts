import type { FeedbackCache } from '@mch/quality';
import { CodeKeyedCache } from './cache';
import { FEEDBACK_CODE } from './code-fingerprint';
import { cacheDir } from './countries';

/**
 * The feedback workbooks of earlier runs (quality's feedbackKey: a country's files and findings),
 * kept under that key and the code that makes them, in a group per country (feedback/ARM/…): after
 * one country resubmits, the others' workbooks are read back rather than built again. (In one
 * group of every country, the group's last few entries held fewer workbooks than a release has
 * countries, and each run pushed out the ones the next would ask for.)
 */
export class FeedbackWorkbookCache implements FeedbackCache {
  private readonly cache: CodeKeyedCache;

  constructor(root: string) {
    this.cache = new CodeKeyedCache(cacheDir(root), root, 'feedback', FEEDBACK_CODE);
  }

  read(country: string, key: string): Uint8Array | undefined {
    return this.cache.read(key, (payload) => payload, country);
  }

  write(country: string, key: string, bytes: Uint8Array): void {
    this.cache.write(key, bytes, country);
  }
}
