import { rejectionYears } from '../../completeness';
import type { Draft, Rule } from '../../model';

/** MCH-I01: every cell refused at ingest, with the reason code of submissions.md. */
export const I01: Rule = {
  id: 'MCH-I01',
  severity: 'error',
  defaults: {},
  check(ctx) {
    for (const f of ctx.input.data.files) ctx.checked(f.ref_area, f.value_cells);
    const yearOf = rejectionYears(ctx.input.data.rejections, ctx.input.data.observations);
    return ctx.input.data.rejections.map((r): Draft => {
      const place = r.source.sheet ? `${r.source.sheet}!${r.source.cell}` : `line ${r.source.cell}`;
      const placeRu = r.source.sheet ? `${r.source.sheet}!${r.source.cell}` : `строка ${r.source.cell}`;
      const head = [r.table, r.ref_area].filter(Boolean).join(' ');
      return {
        key: `${r.source.file}|${r.source.sheet}|${r.source.cell}`,
        ref_area: r.ref_area,
        table: r.table,
        time_period: yearOf(r) ?? null,
        migr_type: '',
        sex: '',
        age: '',
        partner: '',
        values: {},
        seen: { raw: r.source.raw, reason: r.reason },
        sources: [{ file: r.source.file, sheet: r.source.sheet, cell: r.source.cell }],
        message: `${head}: ${r.source.file} ${place} refused (${r.reason}): ${r.message}`,
        message_ru: `${head}: ${r.source.file} ${placeRu} отклонено (${r.reason}): ${r.message_ru}`,
      };
    });
  },
};
