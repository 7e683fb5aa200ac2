// The ingest stage: country files in, observations and rejections with provenance out.
export type { InputFile, IngestContext } from './ingest';
export type { TemplateOptions } from './template/options';
export { ingestFile } from './ingest';
export { writeQuestionnaireTemplate } from './template/write';
