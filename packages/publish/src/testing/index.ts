// Test support other packages use to read a release as its readers do.
export { formatAgreement } from './agreement';
export type { Agreement } from './agreement';
export { publishedTexts, untrueStatements } from './published-text';
export type { PublishedText } from './published-text';
export { hasPdftotext } from './unpack';
export { sheetRows } from './sheet-rows';
