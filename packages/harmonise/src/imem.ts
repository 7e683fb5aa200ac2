import { type Observation, type ReleaseConfig, type TableSet, roundedQuotient } from '@mch/core';

type Duration = '0' | '3' | '6' | '12' | 'permanent';

/** The duration a definition basis measures, where the IMEM coefficients have one (none for 9 months). */
const DURATION_OF_BASIS: Record<string, Duration | undefined> = {
  UN_LT12: '12',
  REG_LT12: '12',
  PERM_REG: 'permanent',
};

/**
 * Optional derived series (definitions.md): reported flows put on a 12-month basis with the IMEM
 * duration coefficients (Raymer et al. 2013). Marked E and derived, published only in the
 * analytical annex; a flow already on a 12-month basis or without a coefficient gets none.
 */
export function imemSeries(observations: readonly Observation[], config: ReleaseConfig, tableSet: TableSet): Observation[] {
  if (!config.imem.enabled) return [];
  const flows = new Set(tableSet.tables.filter((t) => t.kind === 'flow' && t.has_migr_type).map((t) => t.id));
  const out: Observation[] = [];
  for (const o of observations) {
    if (o.derived || !flows.has(o.table) || o.obs_value === null || o.conf_status !== 'F' || o.migr_type === 'ST') continue;
    const declared = config.countries[o.ref_area]?.imem_duration;
    const duration = declared === 'none' ? undefined : (declared ?? DURATION_OF_BASIS[o.definition_basis]);
    if (!duration || duration === '12') continue;
    const coefficient = config.imem.coefficients[duration];
    out.push({
      ...o,
      migr_type: 'LT',
      obs_value: roundedProduct(o.obs_value, coefficient),
      obs_status: 'E',
      derived: true,
      note_refs: [`IMEM ${duration === 'permanent' ? 'permanent' : `${duration} months`} × ${coefficient}`],
      source: null,
    });
  }
  return out;
}

/**
 * value × coefficient rounded to the nearest whole number, halves away from zero, worked out in whole numbers: the coefficient is a decimal
 * (2.26), and in binary 2 325 × 2.26 is 5 254.499…, which Math.round takes down to 5 254 where the
 * product is exactly 5 254.5, so 5 255.
 */
export function roundedProduct(value: number, coefficient: number): number {
  const scale = 10 ** decimalPlaces(coefficient);
  // the product in units of the coefficient's last place, over that unit: core's quotient rounded once
  return roundedQuotient(value * Math.round(coefficient * scale), scale, value * coefficient, 0)!;
}

/** Digits after the point of a decimal as JavaScript writes it (2.26 → 2; 1e-7 → 7). */
function decimalPlaces(x: number): number {
  const [digits = '', exponent] = String(x).split('e');
  const fraction = digits.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}
