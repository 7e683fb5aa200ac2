import type { Finding, FindingChanges, ReleaseConfig, RuleId, Submission } from '@mch/core';
import type { QualityInput, ReleaseQualityInput } from './model';

/** Rules whose findings are about this round by nature: revisions against the previous release, and the run itself. */
const NOT_COMPARED: ReadonlySet<RuleId> = new Set(['MCH-R01', 'MCH-W01']);

/**
 * This round's findings against the previous release's, by finding id (rule and key, so a
 * finding whose values changed is still the same question): new, still open, and resolved — the
 * previous findings no longer raised, for the countries and years this release covers.
 */
export function compareWithPrevious(findings: readonly Finding[], previous: QualityInput['previousReport'], config: ReleaseConfig): FindingChanges | undefined {
  if (!previous) return undefined;
  const compared = (f: Pick<Finding, 'rule'>) => !NOT_COMPARED.has(f.rule);
  const before = new Set(previous.findings.filter(compared).map((f) => f.id));
  const now = findings.filter(compared);
  const ids = new Set(now.map((f) => f.id));
  const years = new Set(config.reference_years);
  const resolved = previous.findings.filter(
    (f) => compared(f) && !ids.has(f.id) && f.ref_area in config.countries && (f.time_period === null || years.has(f.time_period)),
  );
  return {
    previous_version: previous.version,
    new: now.filter((f) => !before.has(f.id)).map((f) => f.id),
    still_open: now.filter((f) => before.has(f.id)).map((f) => f.id),
    resolved: resolved.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, ref_area: f.ref_area, table: f.table, time_period: f.time_period, message: f.message, message_ru: f.message_ru })),
  };
}

/** What each country sent, file by file, with the dates and supersession its configuration records. */
export function submissionsOf(input: Pick<ReleaseQualityInput, 'config' | 'data'>): Submission[] {
  const configured = new Map<string, { received?: string; supersedes: boolean }>();
  for (const cs of Object.values(input.config.countries)) for (const f of cs?.files ?? []) configured.set(f.path, f);
  return input.data.files.map((f) => {
    const c = configured.get(f.file);
    return {
      ref_area: f.ref_area,
      file: f.file,
      format: f.format,
      received: c?.received ?? '',
      supersedes: c?.supersedes ?? false,
      value_cells: f.value_cells,
      observations: f.observations,
      rejections: f.rejections,
      tables: [...f.tables],
      hidden_sheets: [...f.hidden_sheets],
      ignored_sheets: [...f.ignored_sheets],
      warnings: [...f.warnings],
    };
  });
}
