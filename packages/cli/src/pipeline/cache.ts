import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountrySettings, SubmittedFile } from '@mch/core';
import { codeFingerprint } from './code-fingerprint';
import type { ChainContext, CountryPart } from './country';
import { decodePart, encodePart } from './part-codec';
import { progress } from './progress';

/** Layout of a cache file; a change here makes every older file a miss. */
const MAGIC = new TextEncoder().encode('MCHCACHE\u0001\n');
/** Entries kept per group: a few configurations and rounds side by side, not every one ever run. */
const KEEP_PER_GROUP = 8;

/**
 * Parts of the release configuration that ingest and harmonise do not read: a new waiver or rule
 * setting must not cost every country its cached part. Whatever is not listed counts, so a field
 * added later invalidates by default (pipeline/cache.test.ts checks harmonise ignores these).
 */
export const NOT_READ_PER_COUNTRY = ['version', 'release_date', 'previous_release', 'rules', 'waivers', 'benchmarks', 'metadata', 'release_notes', 'next_release'] as const;

/**
 * The content address of one country's part: its files' hashes and configured entries, its
 * settings, everything else of the configuration the per-country steps read, the table set, code
 * lists and its breaks, and the code that makes the part (`codeFingerprint`). What every country
 * shares is hashed once; the function gives each country's key.
 */
export function countryKeys(code: string, ctx: ChainContext): (ref_area: string, settings: CountrySettings, files: readonly { file: SubmittedFile; sha256: string }[]) => string {
  const { countries: _, breaks: __, ...config } = ctx.config;
  for (const k of NOT_READ_PER_COUNTRY) delete (config as Record<string, unknown>)[k];
  const shared = createHash('sha256').update(stableJson({ code, config, tableSet: ctx.tableSet, codelists: ctx.codelists })).digest('hex');
  return (ref_area, settings, files) => {
    const own = { shared, ref_area, files: files.map((f) => ({ sha256: f.sha256, ...f.file })), settings, breaks: ctx.breaks.filter((b) => b.ref_area === ref_area) };
    return createHash('sha256').update(stableJson(own)).digest('hex');
  };
}

/**
 * Files of content-addressed bytes under `dir` (default .cache/mch, git-ignored), one folder per
 * group (a country, the previous releases): signature, the sha256 of the payload, the payload.
 * A file that is damaged, cut short or of another layout is a miss, removed, never trusted;
 * writes are whole (temporary name, then rename), so a killed run leaves no half file under a key.
 */
export class ContentCache {
  constructor(readonly dir: string) {}

  /** The payload stored under the key, checked; `decode` may refuse it too (a RangeError), which is a miss as well. */
  read<T>(group: string, key: string, decode: (payload: Uint8Array) => T): T | undefined {
    const path = this.pathOf(group, key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return undefined;
    }
    const payload = bytes.subarray(MAGIC.length + 32);
    const ok = bytes.length >= MAGIC.length + 32 && MAGIC.every((b, i) => bytes[i] === b) && sha256(payload).equals(bytes.subarray(MAGIC.length, MAGIC.length + 32));
    try {
      if (ok) return decode(payload);
    } catch {
      // whatever decoding makes of it, a file that does not decode is recomputed
    }
    this.forget(path);
    return undefined;
  }

  /**
   * Keeps the payload under the key. The cache only saves time: a folder that cannot be written
   * (read-only, disk full) is said once on stderr and the run goes on without it.
   */
  write(group: string, key: string, payload: Uint8Array): void {
    if (this.failed) return;
    const dir = join(this.dir, group);
    const temp = join(dir, `.${key}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, Buffer.concat([MAGIC, sha256(payload), payload]));
      renameSync(temp, this.pathOf(group, key));
      this.prune(dir);
    } catch (e) {
      this.failed = true;
      this.forget(temp);
      progress(`cache    not kept: "${this.dir}" cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the run goes on without it`);
    }
  }

  private failed = false;

  private forget(path: string): void {
    try {
      rmSync(path, { force: true });
    } catch {
      // a file that cannot be removed is read, refused and recomputed again next time
    }
  }

  private pathOf(group: string, key: string): string {
    return join(this.dir, group, `${key}.bin`);
  }

  /** The oldest entries beyond KEEP_PER_GROUP go; a file another run removes first is no matter. */
  private prune(dir: string): void {
    const entries = readdirSync(dir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => {
        try {
          return { f, t: statSync(join(dir, f)).mtimeMs };
        } catch {
          return { f, t: 0 };
        }
      })
      .sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1));
    for (const { f } of entries.slice(KEEP_PER_GROUP)) this.forget(join(dir, f));
  }
}

/** Country parts in the content cache, one group per country. */
export class CountryCache {
  private readonly files: ContentCache;

  constructor(dir: string) {
    this.files = new ContentCache(dir);
  }

  read(ref_area: string, key: string): CountryPart | undefined {
    return this.files.read(join('countries', ref_area), key, (payload) => {
      const part = decodePart(payload);
      if (part.ref_area !== ref_area) throw new RangeError(`a part of ${part.ref_area} under ${ref_area}`);
      return part;
    });
  }

  write(ref_area: string, key: string, part: CountryPart): void {
    this.files.write(join('countries', ref_area), key, encodePart(part));
  }
}

/**
 * A group of the content cache whose keys hold the code that makes its entries too (the
 * fingerprint of those packages, taken once, when first asked): what other code made is never read.
 */
export class CodeKeyedCache {
  private readonly files: ContentCache;
  private code: string | undefined;

  constructor(
    dir: string,
    private readonly root: string,
    private readonly group: string,
    private readonly packages: readonly string[],
  ) {
    this.files = new ContentCache(dir);
  }

  /** `subgroup` (a country) keeps its entries in a folder of their own inside the group, pruned apart. */
  read<T>(key: string | Uint8Array, decode: (payload: Uint8Array) => T, subgroup?: string): T | undefined {
    return this.files.read(this.groupOf(subgroup), this.keyOf(key), decode);
  }

  write(key: string | Uint8Array, payload: Uint8Array, subgroup?: string): void {
    this.files.write(this.groupOf(subgroup), this.keyOf(key), payload);
  }

  private groupOf(subgroup: string | undefined): string {
    if (subgroup === undefined) return this.group;
    // a name, never a path: it becomes a folder
    if (!/^[A-Za-z0-9_-]+$/.test(subgroup)) throw new Error(`cache subgroup "${subgroup}" is not a plain name`);
    return `${this.group}/${subgroup}`;
  }

  private keyOf(key: string | Uint8Array): string {
    this.code ??= codeFingerprint(this.root, this.packages);
    return createHash('sha256').update(this.code).update('\n').update(key).digest('hex');
  }
}

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** JSON with object keys sorted, so the same configuration gives the same key whatever the order of its YAML. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableJson(x))).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
