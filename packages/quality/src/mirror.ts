import type { EmigrationEstimate, MirrorBand, MirrorRow } from '@mch/core';
import { cmp } from '@mch/core';
import type { DataIndex } from './index-data';
import type { MirrorCell, MirrorExtract, QualityInput, ReleaseQualityInput } from './model';
import { countryOf } from './settings';
import { getOrCreate, sourcesOf } from './values';

/** Defaults of quality.md "Mirror statistics"; MCH-M01 settings override them. */
export const MIRROR_DEFAULTS = { band_low: 0.5, band_high: 2, min_size: 50 } as const;

/** The band and minimum flow of the release, as the report's legend states them (a country may set its own). */
export function mirrorBand(config: ReleaseQualityInput['config']): MirrorBand {
  const r = config.rules['MCH-M01'];
  return { band_low: r?.band_low ?? MIRROR_DEFAULTS.band_low, band_high: r?.band_high ?? MIRROR_DEFAULTS.band_high, min_size: r?.min_size ?? MIRROR_DEFAULTS.min_size };
}

const SEXES = ['_T', 'M', 'F'] as const;

interface Side {
  type: string;
  cell: MirrorCell | undefined;
}

/** A value the mirror may use: free or shared for mirror use (`N`), never a confidential `C` one. */
function mirrorValue(o: MirrorCell | undefined): number | null {
  if (!o || o.conf_status === 'C') return null;
  return o.obs_value;
}

type Extracts = ReadonlyMap<string, MirrorExtract>;

const typesOf = (x: Extracts, r: string, table: string, y: number) => x.get(r)?.tables.get(table)?.get(y);
const cellOf = (x: Extracts, r: string, table: string, y: number, type: string, sex: string, partner: string) => typesOf(x, r, table, y)?.get(type)?.get(`${sex}|${partner}`);

/** The best available type a country reports in a table for a year: LT, else NAT. */
function bestType(x: Extracts, r: string, table: string, y: number): string | undefined {
  const types = typesOf(x, r, table, y);
  return ['LT', 'NAT'].find((t) => types?.has(t));
}

function setting(input: ReleaseQualityInput, r: string, name: keyof typeof MIRROR_DEFAULTS): number {
  const cs = countryOf(input.config, r);
  return cs?.rules['MCH-M01']?.[name] ?? input.config.rules['MCH-M01']?.[name] ?? MIRROR_DEFAULTS[name];
}

function basisOf(input: ReleaseQualityInput, x: Extracts, r: string, table: string, cell: MirrorCell | undefined): string {
  if (cell?.definition_basis) return cell.definition_basis;
  const cs = countryOf(input.config, r);
  const configured = cs?.definition_basis[table] ?? cs?.definition_basis.default;
  if (configured) return configured;
  return x.get(r)?.metadata.get(table)?.definition_basis ?? '';
}

function territoryOf(input: ReleaseQualityInput, x: Extracts, r: string, table: string, cell: MirrorCell | undefined): string {
  if (cell?.territory) return cell.territory;
  const cs = countryOf(input.config, r);
  if (cs?.territory) return cs.territory;
  return x.get(r)?.metadata.get(table)?.territory ?? '';
}

/**
 * What the mirror needs of one country's data (the slim extract): the types each year of its
 * immigration and emigration tables holds, and in them the flows by sex (total, men, women) with
 * every configured country and the total; the first basis and territory its metadata records for
 * each of the two tables.
 */
export function mirrorExtract(input: QualityInput, index: DataIndex): MirrorExtract {
  const extract: MirrorExtract = { ref_area: index.country, tables: new Map(), metadata: new Map() };
  const pair = input.tableSet.mirror;
  if (!pair) return extract;
  const tables = [pair.immigration, pair.emigration];
  const partners = [...index.countries, '_T'];
  for (const s of index.slices) {
    if (s.ref_area !== index.country || !tables.includes(s.table)) continue;
    const byYear = getOrCreate(extract.tables, s.table, () => new Map<number, Map<string, Map<string, MirrorCell>>>());
    const cells = new Map<string, MirrorCell>();
    getOrCreate(byYear, s.time_period, () => new Map<string, Map<string, MirrorCell>>()).set(s.migr_type, cells);
    for (const sex of SEXES) {
      for (const p of partners) {
        const o = index.get(s, sex, '', p);
        if (o) cells.set(`${sex}|${p}`, { obs_value: o.obs_value, conf_status: o.conf_status, definition_basis: o.definition_basis, territory: o.territory, source: o.source });
      }
    }
  }
  for (const table of tables) {
    const of = input.data.metadata.filter((m) => m.ref_area === index.country && m.table === table);
    const basis = of.find((m) => m.definition_basis)?.definition_basis ?? '';
    const territory = of.find((m) => m.territory)?.territory ?? '';
    if (basis || territory) extract.metadata.set(table, { definition_basis: basis, territory });
  }
  return extract;
}

/**
 * The full origin–destination matrix: for every year and ordered pair of reporting countries, A's
 * immigration from B (A's immigration table) against B's emigration to A (B's emigration table).
 */
export function buildMirror(input: ReleaseQualityInput, extracts: readonly MirrorExtract[]): MirrorRow[] {
  const pair = input.tableSet.mirror;
  if (!pair) return [];
  const countries = Object.keys(input.config.countries).sort(cmp);
  const x: Extracts = new Map(extracts.filter((e) => countries.includes(e.ref_area)).map((e) => [e.ref_area, e]));
  const years = new Set<number>();
  for (const e of x.values()) for (const t of [pair.immigration, pair.emigration]) for (const y of e.tables.get(t)?.keys() ?? []) years.add(y);
  const rows: MirrorRow[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    for (const a of countries) {
      for (const b of countries) {
        if (a === b) continue;
        const inType = bestType(x, a, pair.immigration, y) ?? '';
        const outType = bestType(x, b, pair.emigration, y) ?? '';
        for (const r of rowsFor(input, x, y, a, b, inType, outType, true)) rows.push(r);
        if (typesOf(x, a, pair.immigration, y)?.has('ST') && typesOf(x, b, pair.emigration, y)?.has('ST')) {
          for (const r of rowsFor(input, x, y, a, b, 'ST', 'ST', false)) rows.push(r);
        }
      }
    }
  }
  return rows;
}

function rowsFor(input: ReleaseQualityInput, x: Extracts, y: number, a: string, b: string, inType: string, outType: string, always: boolean): MirrorRow[] {
  const pair = input.tableSet.mirror!;
  const rows: MirrorRow[] = [];
  for (const sex of SEXES) {
    const inSide: Side = { type: inType, cell: cellOf(x, a, pair.immigration, y, inType, sex, b) };
    const outSide: Side = { type: outType, cell: cellOf(x, b, pair.emigration, y, outType, sex, a) };
    const i = mirrorValue(inSide.cell);
    const e = mirrorValue(outSide.cell);
    if (i === null && e === null && !(always && sex === '_T')) continue;
    rows.push(mirrorRow(input, x, y, a, b, sex, inSide, outSide, i, e));
  }
  return rows;
}

function mirrorRow(input: ReleaseQualityInput, x: Extracts, y: number, a: string, b: string, sex: string, inSide: Side, outSide: Side, i: number | null, e: number | null): MirrorRow {
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
    basis_in: basisOf(input, x, a, pair.immigration, inSide.cell),
    basis_out: basisOf(input, x, b, pair.emigration, outSide.cell),
    territory_in: territoryOf(input, x, a, pair.immigration, inSide.cell),
    territory_out: territoryOf(input, x, b, pair.emigration, outSide.cell),
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
export function buildEmigrationEstimates(mirror: readonly MirrorRow[], extracts: readonly MirrorExtract[], emigrationTable?: string): EmigrationEstimate[] {
  const x: Extracts = new Map(extracts.map((e) => [e.ref_area, e]));
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
    const total = ownTotal(x, first.sending, first.time_period, first.migr_type_out, emigrationTable);
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

function ownTotal(x: Extracts, b: string, y: number, type: string, table: string | undefined): number | null {
  if (!table || !type) return null;
  return mirrorValue(cellOf(x, b, table, y, type, '_T', '_T'));
}
