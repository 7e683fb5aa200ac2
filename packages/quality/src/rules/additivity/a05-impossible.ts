import type { NetMigrationCell, Observation, TableDef } from '@mch/core';
import { at } from '../../draft';
import { fmt, typeEn, typeRu, where } from '../../format';
import type { Draft, Rule, RuleContext } from '../../model';
import { exceeds, sourcesOf, usable } from '../../values';

const ROLE: Record<string, { en: string; ru: string }> = {
  previous_residence: { en: 'country of previous residence', ru: 'страна предыдущего проживания' },
  next_residence: { en: 'country of next residence', ru: 'страна следующего проживания' },
  previous_citizenship: { en: 'previous citizenship', ru: 'прежнее гражданство' },
};

/**
 * MCH-A05: the reporting country as its own partner where the table forbids it (previous or next
 * residence, previous citizenship), and a net-migration column that is not arrivals − departures.
 */
export const A05: Rule = {
  id: 'MCH-A05',
  severity: 'error',
  defaults: { tolerance: 0, tolerance_share: 0 },
  check(ctx) {
    return [...ownPartner(ctx), ...ctx.input.data.net_migration.flatMap((n) => netMigration(ctx, n))];
  },
};

function ownPartner(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = [];
  for (const s of ctx.index.slices) {
    const table = ctx.index.tables.get(s.table);
    if (!table || table.own_country_allowed || table.breakdown !== 'PARTNER') continue;
    for (const o of s.cells) {
      if (o.derived || o.partner !== o.ref_area) continue;
      ctx.checked(o.ref_area);
      if (!o.obs_value) continue;
      const role = ROLE[table.partner_role ?? ''] ?? { en: 'partner', ru: 'страна' };
      const w = where({ ...o, partner: '' });
      drafts.push({
        ...at(o),
        values: { value: o.obs_value },
        sources: sourcesOf([o]),
        message: `${w.en}: ${o.ref_area} reported as its own ${role.en}: ${fmt(o.obs_value)} persons`,
        message_ru: `${w.ru}: ${o.ref_area} указана как ${role.ru} для самой себя: ${fmt(o.obs_value)} чел.`,
      });
    }
  }
  return drafts;
}

/** The arrivals and departures tables a net-migration cell was read beside. */
function pairOf(ctx: RuleContext, table: string): { arrivals: string; departures: string } | undefined {
  const mirror = ctx.input.tableSet.mirror;
  if (mirror && (table === mirror.immigration || table === mirror.emigration)) return { arrivals: mirror.immigration, departures: mirror.emigration };
  const def = ctx.index.tables.get(table);
  if (!def || def.direction === 'none') return undefined;
  const other = ctx.input.tableSet.tables.find(
    (t: TableDef) => t.direction !== def.direction && t.direction !== 'none' && t.breakdown === def.breakdown && t.partner_role === def.partner_role,
  );
  if (!other) return undefined;
  return def.direction === 'in' ? { arrivals: table, departures: other.id } : { arrivals: other.id, departures: table };
}

function netMigration(ctx: RuleContext, n: NetMigrationCell): Draft[] {
  const pair = pairOf(ctx, n.table);
  const age = pair && ctx.index.tables.get(pair.arrivals)?.breakdown === 'AGE';
  const cellIn = (table: string, type: string) => {
    const s = ctx.index.slice(n.ref_area, table, n.time_period, type);
    return age ? ctx.index.get(s, n.sex, n.partner || '_T', '') : ctx.index.get(s, n.sex, '', n.partner || '_T');
  };
  const candidates: { type: string; a: Observation; d: Observation; av: number; dv: number }[] = [];
  for (const type of ['LT', 'NAT', 'ST', '']) {
    if (!pair) break;
    const a = cellIn(pair.arrivals, type);
    const d = cellIn(pair.departures, type);
    const av = usable(a);
    const dv = usable(d);
    if (a && d && av !== undefined && dv !== undefined) candidates.push({ type, a, d, av, dv });
  }
  if (!candidates.length) {
    ctx.skipped(n.ref_area);
    return [];
  }
  ctx.checked(n.ref_area);
  const tol = ctx.setting(n.ref_area, 'tolerance');
  const share = ctx.setting(n.ref_area, 'tolerance_share');
  if (candidates.some((c) => !exceeds(n.value - (c.av - c.dv), n.value, tol, share))) return [];
  const c = candidates[0]!;
  const net = c.av - c.dv;
  const w = where({ ref_area: n.ref_area, table: n.table, time_period: n.time_period, sex: n.sex, partner: n.partner });
  const src = { file: n.source.file, sheet: n.source.sheet, cell: n.source.cell };
  return [
    {
      ...at({ ...c.a, table: n.table }, '|net'),
      values: { net_migration: n.value, arrivals: c.av, departures: c.dv, difference: n.value - net },
      sources: [src, ...sourcesOf([c.a, c.d])],
      message: `${w.en}: net migration ${fmt(n.value)} ≠ arrivals ${fmt(c.av)} − departures ${fmt(c.dv)} (${c.a.table}/${c.d.table} ${typeEn(c.type)}) = ${fmt(net)}, difference ${fmt(n.value - net)}`,
      message_ru: `${w.ru}: сальдо миграции ${fmt(n.value)} ≠ прибывшие ${fmt(c.av)} − выбывшие ${fmt(c.dv)} (${c.a.table}/${c.d.table} ${typeRu(c.type)}) = ${fmt(net)}, разница ${fmt(n.value - net)}`,
    },
  ];
}
