import { createHash } from 'node:crypto';
import type { FeedbackCache } from '@mch/quality';
import { ContentCache } from './cache';
import { QUALITY_CODE, codeFingerprint } from './code-fingerprint';
import { cacheDir } from './countries';

/**
 * The feedback workbooks of earlier runs (quality's feedbackKey: a country's files and findings),
 * kept under that key and the code that makes them: after one country resubmits, the others'
 * workbooks are read back rather than built again, a second of exceljs at tier M.
 */
export class FeedbackWorkbookCache implements FeedbackCache {
  private readonly files: ContentCache;
  private code: string | undefined;

  constructor(private readonly root: string) {
    this.files = new ContentCache(cacheDir(root));
  }

  read(key: string): Uint8Array | undefined {
    return this.files.read('feedback', this.keyOf(key), (payload) => payload);
  }

  write(key: string, bytes: Uint8Array): void {
    this.files.write('feedback', this.keyOf(key), bytes);
  }

  private keyOf(key: string): string {
    this.code ??= codeFingerprint(this.root, QUALITY_CODE);
    return createHash('sha256').update(this.code).update('\n').update(key).digest('hex');
  }
}
