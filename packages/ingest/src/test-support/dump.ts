// Compact one-line forms of what ingest read, so tests can assert whole results exactly.
import { readFileSync } from 'node:fs';
import { CountrySettings, type IngestResult } from '@mch/core';
import { loadShippedCodeLists, loadShippedTableSet } from '@mch/core/testing';
import { type IngestContext, ingestFile } from '../ingest';

export const codelists = loadShippedCodeLists();
export const tableSet = loadShippedTableSet();

export function context(ref_area: string, settings: Record<string, unknown> = {}): IngestContext {
  return { ref_area, tableSet, codelists, settings: CountrySettings.parse(settings) };
}

export async function ingestFixture(url: URL, path: string, ctx: IngestContext): Promise<IngestResult> {
  return ingestFile({ path, bytes: new Uint8Array(readFileSync(url)) }, ctx);
}

/** "T04 2011 LT _T RUS = 12345 A/F [1] u0 @sheet!B7 «12 345»" */
export function obsLines(r: IngestResult): string[] {
  return r.observations.map((o) => {
    const notes = o.note_refs.length ? ` [${o.note_refs.join('|')}]` : '';
    const basis = o.definition_basis ? ` ${o.definition_basis}` : '';
    return `${o.table} ${o.time_period} ${o.migr_type || '-'} ${o.sex} ${o.age || o.partner}${o.parent ? ` <${o.parent}` : ''} = ${o.obs_value ?? 'null'} ${o.obs_status}/${o.conf_status}${notes} u${o.unit_mult}${basis} @${o.source?.sheet}!${o.source?.cell} «${o.source?.raw}»`;
  });
}

/** "reason @sheet!cell «raw» suggestions" */
export function rejLines(r: IngestResult): string[] {
  return r.rejections.map((x) => `${x.reason} ${x.table || '-'} @${x.source.sheet}!${x.source.cell} «${x.source.raw}»${x.suggestions.length ? ` ${x.suggestions.join('|')}` : ''}`);
}
