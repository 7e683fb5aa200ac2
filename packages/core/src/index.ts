// Types and schemas first, then functions. Internal helpers are not exported.
export type { AgeCode, SpecialPartner } from './codelists';
export type { Layout, LegendEntry, ReleaseConfigInput, RuleSettings } from './config';
export type { ExitCode, ErrorCode, PostedError } from './errors';
export type { FindingSource } from './finding';
export type { PartnerMatch, PartnerResolver } from './partners';
export type { MirrorClass, MirrorMatrix, MirrorMatrixCell } from './report';
export type { Origin, Rows } from './store';

export {
  ConfStatus,
  DefinitionBasis,
  MigrType,
  ObsStatus,
  Severity,
  Sex,
  CONF_STATUS_CODES,
  DEFINITION_BASES,
  MIGR_TYPE_CODES,
  OBS_STATUS_CODES,
  SEVERITIES,
  SEX_CODES,
  migrTypeForBasis,
} from './codes';
export { BASIS_LABELS, basisForMigrType, basisLabel } from './basis';
export type { BasisLabel } from './basis';
export { CodeLists } from './codelists';
export { TableDef, TableSet, tableById } from './tables';
export {
  FileSummary,
  IngestResult,
  NetMigrationCell,
  Observation,
  Rejection,
  RejectionReason,
  Source,
  TableMetadata,
  TableNote,
  REJECTION_REASONS,
} from './observation';
export { AppliedWaiver, Finding, RuleId, RuleSummary, RULE_IDS } from './finding';
export { RULE_NAMES, ruleName } from './rule-names';
export { BreakEntry, BreakRegister, CountrySettings, SubmittedFile, ReleaseConfig, Waiver, NotesMetadata, defineReleaseConfig, describeConfigIssues, isCalendarDate } from './config';
export { EXIT, ERROR_CODES, MchError, errorFromThread, isMchError, postError } from './errors';
export { groupBy } from './group';
export { KEY_FIELDS, KeyColumns, cmp, compareObservations, observationKey, sortByKey } from './keys';
export type { KeyField } from './keys';
export { editDistance, normaliseLabel, stripFootnoteMarkers } from './labels';
export { createPartnerResolver } from './partners';
export { parseYamlWith } from './parse';
export { releaseConfigJsonSchema } from './json-schema';
export { CompletenessCell, EmigrationEstimate, FindingChanges, FindingGroup, FlaggedSeries, MirrorBand, MirrorRow, QualityReport, ResolvedFinding, RunWarning, RUN_WARNING_KINDS, Submission, MIRROR_COLOURS, mirrorLegend, mirrorMatrices, ratioText, cellsNotCounted, roundedQuotient, shownCoverage, shownMirror } from './report';
export { Conflict, HarmonisedData, Resubmission } from './harmonised';
export { OBSERVATION_COLUMNS, OBSERVATION_KEY_COLUMNS, csvField, observationRow, toCsv } from './csv';
export { dosDateOf, fixZipEntryTimes, storedEntries } from './zip-times';
export { crc32, deflatePieces, zipArchive } from './zip-write';
export type { Deflated, ZipEntry } from './zip-write';
export { mulberry32 } from './random';
export { ObservationStore, deserialiseStore, serialiseStore } from './store';
