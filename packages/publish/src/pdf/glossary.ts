import { BASIS_LABELS, type Observation } from '@mch/core';
import type { Lang } from './format';
import { escapeMarkup as esc } from './markup';
import { OncePerList } from './once';

/** A rule as the notes name it: its id and its name (core's one table), never the id alone. */
export { ruleName } from '@mch/core';

/** The migration types each basis is published as, found once for both languages. */
const BASIS_TYPES = new OncePerList<readonly Pick<Observation, 'definition_basis' | 'migr_type'>[], Map<string, Set<string>>>();

/**
 * The glossary of the bases used: code, the short label the tables carry, the migration types its
 * series are published as in this release (none for stocks and acquisitions of citizenship), and
 * what it means.
 */
export function basisGlossary(published: readonly Pick<Observation, 'definition_basis' | 'migr_type'>[], lang: Lang) {
  // one pass, for both languages: the migration types each basis is published as
  const types = BASIS_TYPES.of(published, '', () => {
    const found = new Map<string, Set<string>>();
    for (const o of published) {
      if (!o.definition_basis) continue;
      const set = found.get(o.definition_basis) ?? new Set<string>();
      if (o.migr_type) set.add(o.migr_type);
      found.set(o.definition_basis, set);
    }
    return found;
  });
  return BASIS_LABELS.filter((b) => types.has(b.code)).map((b) => ({
    code: esc(b.code),
    label: esc(lang === 'en' ? b.short_en : b.short_ru),
    type: esc([...(types.get(b.code) ?? [])].sort().join(', ') || '—'),
    meaning: esc(lang === 'en' ? b.meaning_en : b.meaning_ru),
  }));
}
