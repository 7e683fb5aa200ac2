import { type Observation, ObservationStore, deserialiseStore, serialiseStore } from '@mch/core';
import type { CountryPart } from './country';

/** Signature and layout version of an encoded country part; a change of layout changes it. */
const MAGIC = 'MCHPART\u0001\n';
/**
 * JSON has no -0, and a net-migration figure of -0 must come back as it went in: it is written as
 * this text, and a text that starts with NUL gets one more NUL, so no text can pass for it.
 */
const NUL = '\u0000';
const NEGATIVE_ZERO = `${NUL}-0`;
const toJson = (_: string, v: unknown) => (Object.is(v, -0) ? NEGATIVE_ZERO : typeof v === 'string' && v.startsWith(NUL) ? NUL + v : v);
const fromJson = (_: string, v: unknown) => (v === NEGATIVE_ZERO ? -0 : typeof v === 'string' && v.startsWith(NUL) ? v.slice(1) : v);

/**
 * A country part as bytes (the cache file's payload, a worker's answer): the observation columns
 * as the store serialises them, the observations of conflicts and resubmissions as stores too (so
 * nothing of an observation goes through JSON), the rest as JSON. Deterministic.
 */
export function encodePart(part: CountryPart): Uint8Array {
  const involved = new ObservationStore();
  for (const c of part.conflicts) involved.appendAll(c.observations);
  const pairs = new ObservationStore();
  for (const r of part.resubmissions) pairs.appendAll([r.replaced, r.by]);
  const head = {
    ref_area: part.ref_area,
    outcomes: part.outcomes,
    conflicts: part.conflicts.map((c) => [c.key, c.observations.length]),
    resubmissions: part.resubmissions.map((r) => r.key),
    rest: part.rest,
  };
  const sections = [
    new TextEncoder().encode(JSON.stringify(head, toJson)),
    serialiseStore(part.observations),
    serialiseStore(part.analytical),
    serialiseStore(involved),
    serialiseStore(pairs),
  ];
  const magic = new TextEncoder().encode(MAGIC);
  const out = new Uint8Array(magic.length + sections.reduce((a, s) => a + 8 + s.length, 0));
  const view = new DataView(out.buffer);
  out.set(magic);
  let at = magic.length;
  for (const s of sections) {
    // 64-bit lengths: a country's columns may pass 4 GB one day
    view.setBigUint64(at, BigInt(s.length), true);
    out.set(s, at + 8);
    at += 8 + s.length;
  }
  return out;
}

/** The part `encodePart` wrote; a RangeError for anything else, so damaged bytes are never used. */
export function decodePart(bytes: Uint8Array): CountryPart {
  const magic = new TextEncoder().encode(MAGIC);
  if (bytes.length < magic.length || !magic.every((b, i) => bytes[i] === b)) throw new RangeError('not an encoded country part (or another layout version)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sections: Uint8Array[] = [];
  let at = magic.length;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw new RangeError('an encoded country part is cut short');
    const n = Number(view.getBigUint64(at, true));
    if (at + 8 + n > bytes.length) throw new RangeError('an encoded country part is cut short');
    sections.push(bytes.subarray(at + 8, at + 8 + n));
    at += 8 + n;
  }
  if (sections.length !== 5) throw new RangeError(`an encoded country part has ${sections.length} sections, not 5`);
  const [headBytes, observations, analytical, involved, pairs] = sections as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  let head: { ref_area: string; outcomes: CountryPart['outcomes']; conflicts: [string, number][]; resubmissions: string[]; rest: CountryPart['rest'] };
  try {
    head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headBytes), fromJson);
  } catch {
    throw new RangeError('the head of an encoded country part is not JSON');
  }
  const conflictObs = deserialiseStore(involved);
  const pairObs = deserialiseStore(pairs);
  let next = 0;
  const take = (n: number): Observation[] => {
    if (next + n > conflictObs.length) throw new RangeError('an encoded country part lists more conflicting values than it holds');
    return Array.from({ length: n }, () => conflictObs.get(next++));
  };
  const conflicts = head.conflicts.map(([key, n]) => ({ key, observations: take(n) }));
  if (pairObs.length !== head.resubmissions.length * 2) throw new RangeError('an encoded country part holds resubmissions without their values');
  const resubmissions = head.resubmissions.map((key, i) => ({ key, replaced: pairObs.get(2 * i), by: pairObs.get(2 * i + 1) }));
  return {
    ref_area: head.ref_area,
    outcomes: head.outcomes,
    observations: deserialiseStore(observations),
    analytical: deserialiseStore(analytical),
    conflicts,
    resubmissions,
    rest: head.rest,
  };
}
