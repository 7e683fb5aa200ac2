// The ingest stage: country files in, observations and rejections with provenance out.
export type { InputFile, IngestContext } from './ingest';
export { ingestFile } from './ingest';
