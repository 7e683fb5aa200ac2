import type { EmigrationEstimate, MirrorBand, MirrorRow, Observation } from '@mch/core';
import { cmp } from '@mch/core';
import { cellKey, type DataIndex } from './index-data';
import type { QualityInput } from './model';
import { countryOf } from './settings';
import { sourcesOf } from './values';

/** Defaults of quality.md "Mirror statistics"; MCH-M01 settings override them. */
export const MIRROR_DEFAULTS = { band_low: 0.5, band_high: 2, min_size: 50 } as const;

/** The band and minimum flow of the release, as the report's legend states them (a country may set its own). */
export function mirrorBand(config: QualityInput['config']): MirrorBand {
  const r = config.rules['MCH-M01'];
  return { band_low: r?.band_low ?? MIRROR_DEFAULTS.band_low, band_high: r?.band_high ?? MIRROR_DEFAULTS.band_high, min_size: r?.min_size ?? MIRROR_DEFAULTS.min_size };
}

const SEXES = ['_T', 'M', 'F'] as const;

interface Side {
  type: string;
  cell: Observation | undefined;
}

/** A value the mirror may use: free or shared for mirror use (`N`), never a confidential `C` one. */
function mirrorValue(o: Observation | undefined): number | null {
  if (!o || o.conf_status === 'C') return null;
  return o.obs_value;
}

/** The best available type a country reports in a table for a year: LT, else NAT. */
function bestType(index: DataIndex, r: string, table: string, y: number): string | undefined {
  return ['LT', 'NAT'].find((t) => index.slice(r, table, y, t));
}

function setting(input: QualityInput, r: string, name: keyof typeof MIRROR_DEFAULTS): number {
  const cs = countryOf(input.config, r);
  return cs?.rules['MCH-M01']?.[name] ?? input.config.rules['MCH-M01']?.[name] ?? MIRROR_DEFAULTS[name];
}

function basisOf(input: QualityInput, r: string, table: string, cell: Observation | undefined): string {
  if (cell?.definition_basis) return cell.definition_basis;
  const cs = countryOf(input.config, r);
  const configured = cs?.definition_basis[table] ?? cs?.definition_basis.default;
  if (configured) return configured;
  return input.data.metadata.find((m) => m.ref_area === r && m.table === table && m.definition_basis)?.definition_basis ?? '';
}

function territoryOf(input: QualityInput, r: string, table: string, cell: Observation | undefined): string {
  if (cell?.territory) return cell.territory;
  const cs = countryOf(input.config, r);
  if (cs?.territory) return cs.territory;
  return input.data.metadata.find((m) => m.ref_area === r && m.table === table && m.territory)?.territory ?? '';
}

/**
 * The full origin–destination matrix: for every year and ordered pair of reporting countries, A's
 * immigration from B (A's immigration table) against B's emigration to A (B's emigration table).
 */
export function buildMirror(input: QualityInput, index: DataIndex): MirrorRow[] {
  const pair = input.tableSet.mirror;
  if (!pair) return [];
  const countries = index.countries;
  const years = new Set<number>();
  for (const s of index.slices) {
    if (countries.includes(s.ref_area) && (s.table === pair.immigration || s.table === pair.emigration)) years.add(s.time_period);
  }
  const rows: MirrorRow[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    for (const a of countries) {
      for (const b of countries) {
        if (a === b) continue;
        const inType = bestType(index, a, pair.immigration, y) ?? '';
        const outType = bestType(index, b, pair.emigration, y) ?? '';
        for (const r of rowsFor(input, index, y, a, b, inType, outType, true)) rows.push(r);
        if (index.slice(a, pair.immigration, y, 'ST') && index.slice(b, pair.emigration, y, 'ST')) {
          for (const r of rowsFor(input, index, y, a, b, 'ST', 'ST', false)) rows.push(r);
        }
      }
    }
  }
  return rows;
}

function rowsFor(input: QualityInput, index: DataIndex, y: number, a: string, b: string, inType: string, outType: string, always: boolean): MirrorRow[] {
  const pair = input.tableSet.mirror!;
  const rows: MirrorRow[] = [];
  for (const sex of SEXES) {
    const inSide: Side = { type: inType, cell: index.slice(a, pair.immigration, y, inType)?.cells.get(cellKey(sex, '', b)) };
    const outSide: Side = { type: outType, cell: index.slice(b, pair.emigration, y, outType)?.cells.get(cellKey(sex, '', a)) };
    const i = mirrorValue(inSide.cell);
    const e = mirrorValue(outSide.cell);
    if (i === null && e === null && !(always && sex === '_T')) continue;
    rows.push(mirrorRow(input, y, a, b, sex, inSide, outSide, i, e));
  }
  return rows;
}

function mirrorRow(input: QualityInput, y: number, a: string, b: string, sex: string, inSide: Side, outSide: Side, i: number | null, e: number | null): MirrorRow {
  const pair = input.tableSet.mirror!;
  const ratio = i !== null && e !== null && e > 0 ? round(i / e) : null;
  const asymmetry = i !== null && e !== null && i + e > 0 ? round((i - e) / (i + e)) : null;
  const low = setting(input, a, 'band_low');
  const high = setting(input, a, 'band_high');
  const big = i !== null && e !== null && Math.max(i, e) >= setting(input, a, 'min_size');
  const flagged = big && (ratio === null ? (i ?? 0) > 0 : ratio < low || ratio > high);
  return {
    time_period: y,
    receiving: a,
    sending: b,
    sex,
    immigration: i,
    emigration: e,
    migr_type_in: inSide.type,
    migr_type_out: outSide.type,
    basis_in: basisOf(input, a, pair.immigration, inSide.cell),
    basis_out: basisOf(input, b, pair.emigration, outSide.cell),
    territory_in: territoryOf(input, a, pair.immigration, inSide.cell),
    territory_out: territoryOf(input, b, pair.emigration, outSide.cell),
    ratio,
    asymmetry,
    flagged,
    sources: sourcesOf([inSide.cell, outSide.cell]),
  };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * For each sending country B and year: what the other Clearing House countries report as
 * immigration from B, beside B's own emigration to the same partners and the share of B's total
 * emigration those partners cover (by B's own figures).
 */
export function buildEmigrationEstimates(mirror: readonly MirrorRow[], index: DataIndex, emigrationTable?: string): EmigrationEstimate[] {
  const groups = new Map<string, MirrorRow[]>();
  for (const m of mirror) {
    if (m.sex !== '_T' || m.migr_type_in === 'ST') continue;
    const k = `${m.sending}|${m.time_period}`;
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  const out: EmigrationEstimate[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const known = rows.filter((m) => m.immigration !== null).sort((x, y) => cmp(x.receiving, y.receiving));
    const total = ownTotal(index, first.sending, first.time_period, first.migr_type_out, emigrationTable);
    if (!known.length && total === null) continue;
    const own = known.every((m) => m.emigration !== null) && known.length ? known.reduce((s, m) => s + (m.emigration ?? 0), 0) : null;
    out.push({
      sending: first.sending,
      time_period: first.time_period,
      partners: known.map((m) => m.receiving),
      partner_reported_immigration: known.reduce((s, m) => s + (m.immigration ?? 0), 0),
      own_emigration_to_same_partners: own,
      own_total_emigration: total,
      coverage_share: own !== null && total !== null && total > 0 ? round(own / total) : null,
    });
  }
  return out.sort((x, y) => cmp(x.sending, y.sending) || x.time_period - y.time_period);
}

function ownTotal(index: DataIndex, b: string, y: number, type: string, table: string | undefined): number | null {
  if (!table || !type) return null;
  return mirrorValue(index.slice(b, table, y, type)?.cells.get(cellKey('_T', '', '_T')));
}
