import type { Observation } from '@mch/core';
import type { Identity } from '../../identities';
import type { RuleContext } from '../../model';
import { exceeds, usable } from '../../values';

export interface SumFailure {
  total: number;
  sum: number;
  difference: number;
  /** every figure the identity saw, by part code, then sum and difference */
  values: Record<string, number | null>;
  parts: { code: string; value: number }[];
}

const partCode = (id: Identity, o: Observation): string => (id.kind === 'sex' ? o.sex : id.kind === 'age' ? o.age : o.partner);

/**
 * Checks one identity and counts it. A derived whole is a computed figure, never a failure of its
 * own; an incomplete identity, a missing or confidential figure, or a part refused at ingest makes
 * it skip.
 */
export function checkSum(ctx: RuleContext, id: Identity): SumFailure | undefined {
  const r = id.total.ref_area;
  if (id.total.derived) return undefined;
  if (!id.complete || ctx.holes.inIdentity(id)) {
    ctx.skipped(r);
    return undefined;
  }
  const total = usable(id.total);
  // summed without a record per part: those are made only for the few identities that fail
  let s = 0;
  for (const o of id.parts) {
    const v = usable(o);
    if (v === undefined) {
      ctx.skipped(r);
      return undefined;
    }
    s += v;
  }
  if (total === undefined) {
    ctx.skipped(r);
    return undefined;
  }
  ctx.checked(r);
  const difference = total - s;
  const failed = id.exact
    ? exceeds(difference, total, ctx.setting(r, 'tolerance'), ctx.setting(r, 'tolerance_share'))
    : -difference > ctx.setting(r, 'tolerance');
  if (!failed) return undefined;
  const known = id.parts.map((o) => ({ code: partCode(id, o), value: usable(o)! }));
  const values: Record<string, number | null> = { total };
  for (const p of known) values[p.code] = p.value;
  values.sum = s;
  values.difference = difference;
  return { total, sum: s, difference, values, parts: known };
}
