export type { HarmoniseInput, IngestedFile, Remark } from './types';
export { harmonise } from './harmonise';
export { toPersons } from './units';
