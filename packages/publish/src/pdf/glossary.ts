import { BASIS_LABELS, DEFINITION_BASES, type DefinitionBasis, type Observation } from '@mch/core';
import type { Lang } from './format';
import { escapeMarkup as esc } from './markup';

/** A rule as the notes name it: its id and its name (core's one table), never the id alone. */
export { ruleName } from '@mch/core';

/** Every definition basis the release's published observations carry, in the order of definitions.md. */
export function basesUsed(published: readonly Pick<Observation, 'definition_basis'>[]): DefinitionBasis[] {
  const used = new Set(published.map((o) => o.definition_basis).filter((b): b is DefinitionBasis => b !== ''));
  return DEFINITION_BASES.filter((b) => used.has(b));
}

/**
 * The glossary of the bases used: code, the short label the tables carry, the migration types its
 * series are published as in this release (none for stocks and acquisitions of citizenship), and
 * what it means.
 */
export function basisGlossary(published: readonly Pick<Observation, 'definition_basis' | 'migr_type'>[], lang: Lang) {
  const used = new Set<string>(basesUsed(published));
  const types = (code: string) => [...new Set(published.filter((o) => o.definition_basis === code && o.migr_type).map((o) => o.migr_type))].sort();
  return BASIS_LABELS.filter((b) => used.has(b.code)).map((b) => ({
    code: esc(b.code),
    label: esc(lang === 'en' ? b.short_en : b.short_ru),
    type: esc(types(b.code).join(', ') || '—'),
    meaning: esc(lang === 'en' ? b.meaning_en : b.meaning_ru),
  }));
}
