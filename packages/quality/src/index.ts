// The quality stage: the rule catalogue, waivers, the gate and the internal reports (quality.md).
export type { BenchmarkValue, CountryChecks, MirrorExtract, QualityInput, ReleaseObservations, ReleaseQualityInput } from './model';
export type { CountryInput } from './country';
export type { FeedbackCache, ReportInputFile } from './write';

export { parseBenchmarkCsv } from './benchmarks';
export { checkCountry } from './check-country';
export { countryInputs } from './country';
export { finishQuality, runQuality } from './run';
export { waiverFromFinding } from './waive';
export { writeInternalReports } from './write';
export { publishedBy } from './rules/benchmarks/b01-benchmarks';
