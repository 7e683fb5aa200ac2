import { type MirrorRow, shownMirror } from '@mch/core';
import { fmt, sexEn, sexRu, typeEn, typeRu } from '../../format';
import { MIRROR_DEFAULTS } from '../../mirror';
import type { Draft, ReleaseRule } from '../../model';

/**
 * MCH-M01 mirror flows: A's immigration from B against B's emigration to A, flagged when the ratio
 * leaves the band for flows of at least the minimum size: one finding per pair, year and types, on
 * the total of both sexes where there is one. The matrix itself is built once (mirror.ts).
 */
export const M01: ReleaseRule = {
  id: 'MCH-M01',
  scope: 'release',
  severity: 'info',
  defaults: { ...MIRROR_DEFAULTS },
  check(ctx) {
    const drafts: Draft[] = [];
    const pair = ctx.input.tableSet.mirror;
    if (!pair) return drafts;
    const pairKey = (m: MirrorRow) => `${m.time_period}|${m.receiving}|${m.sending}|${m.migr_type_in}|${m.migr_type_out}`;
    // men and women are in the mirror table; where the total is compared they are judged with it
    // (one check, one finding), so what the rule counts is what its findings count: pairs and years
    const withTotal = new Set(ctx.mirror.filter((m) => m.sex === '_T').map(pairKey));
    const totals = new Set(ctx.mirror.filter((m) => m.sex === '_T' && m.immigration !== null && m.emigration !== null).map(pairKey));
    for (const m of ctx.mirror) {
      const byTotal = m.sex !== '_T' && totals.has(pairKey(m));
      if (m.immigration === null || m.emigration === null) {
        if ((m.immigration !== null || m.emigration !== null) && !(m.sex !== '_T' && withTotal.has(pairKey(m)))) ctx.skipped(m.receiving);
        continue;
      }
      if (byTotal) continue;
      ctx.checked(m.receiving);
      if (!m.flagged) continue;
      const band = `${fmt(ctx.setting(m.receiving, 'band_low'))}–${fmt(ctx.setting(m.receiving, 'band_high'))}`;
      drafts.push({
        key: `${m.time_period}|${m.receiving}|${m.sending}|${m.sex}|${m.migr_type_in}|${m.migr_type_out}`,
        ref_area: m.receiving,
        table: pair.immigration,
        time_period: m.time_period,
        migr_type: m.migr_type_in,
        sex: m.sex,
        age: '',
        partner: m.sending,
        values: { immigration: m.immigration, emigration: m.emigration, ratio: m.ratio, asymmetry: m.asymmetry },
        sources: m.sources,
        message: message(m, band, pair, 'en'),
        message_ru: message(m, band, pair, 'ru'),
      });
    }
    return drafts;
  },
};

function message(m: MirrorRow, band: string, pair: { immigration: string; emigration: string }, lang: 'en' | 'ru'): string {
  const shown = shownMirror(m);
  const ratio = m.ratio === null ? '∞' : fmt(shown.ratio);
  if (lang === 'en') {
    const sex = m.sex === '_T' ? '' : `, ${sexEn(m.sex)}`;
    return `Mirror ${m.time_period}${sex}: immigration to ${m.receiving} from ${m.sending} ${fmt(m.immigration)} (${m.receiving} ${pair.immigration}, ${typeEn(m.migr_type_in)}, ${m.basis_in || 'basis not stated'}) against emigration from ${m.sending} to ${m.receiving} ${fmt(m.emigration)} (${m.sending} ${pair.emigration}, ${typeEn(m.migr_type_out)}, ${m.basis_out || 'basis not stated'}): ratio ${ratio}, asymmetry ${fmt(shown.asymmetry)}, outside ${band}`;
  }
  const sex = m.sex === '_T' ? '' : `, ${sexRu(m.sex)}`;
  return `Зеркальная статистика ${m.time_period}${sex}: иммиграция в ${m.receiving} из ${m.sending} ${fmt(m.immigration)} (${m.receiving} ${pair.immigration}, ${typeRu(m.migr_type_in)}, ${m.basis_in || 'основа не указана'}) против эмиграции из ${m.sending} в ${m.receiving} ${fmt(m.emigration)} (${m.sending} ${pair.emigration}, ${typeRu(m.migr_type_out)}, ${m.basis_out || 'основа не указана'}): отношение ${ratio}, асимметрия ${fmt(shown.asymmetry)}, вне диапазона ${band}`;
}
