import { createHash } from 'node:crypto';

export function sha256(bytes: Buffer | string | readonly Buffer[]): string {
  const hash = createHash('sha256');
  if (typeof bytes === 'string' || Buffer.isBuffer(bytes)) hash.update(bytes);
  else for (const piece of bytes) hash.update(piece);
  return hash.digest('hex');
}

/** The size of a file given whole or in pieces (ReleaseFile). */
export function byteLength(bytes: Buffer | readonly Buffer[]): number {
  if (Buffer.isBuffer(bytes)) return bytes.length;
  let n = 0;
  for (const piece of bytes) n += piece.length;
  return n;
}

/** JSON with keys sorted at every level and a final newline, so equal content gives equal bytes. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
