import * as crypto from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = '';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

/** The sha256 of the values a finding saw; a waiver bound to it lapses when they change. */
export function fingerprint(values: Record<string, number | null>, seen?: Record<string, string>): string {
  return sha256(canonicalJson(seen ? { seen, values } : values));
}

// the one-shot hash where Node.js has it (20.12 on): there is one per finding, and a Hash object
// each costs more than the digest
const sha256: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');
