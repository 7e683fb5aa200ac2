// The quality stage: the rule catalogue, waivers, the gate and the internal reports (quality.md).
export type { BenchmarkValue, QualityInput, ReleaseObservations } from './model';
export type { ReportInputFile } from './write';

export { parseBenchmarkCsv } from './benchmarks';
export { runQuality } from './run';
export { waiverFromFinding } from './waive';
export { writeInternalReports } from './write';
export { publishedBy } from './rules/benchmarks/b01-benchmarks';
