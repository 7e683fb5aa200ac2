export type { CountryTableMeta, PublishedCell, PublishedColumn, PublishedCountry, PublishedNote, PublishedRelease, PublishedRow, PublishedTable } from './types';
export type { Bilingual, BasisSpan, ReleaseScope, TerritorySpan } from './scope';
export type { RowKind } from './order';
export { publishedRelease, cellLookup, cellText, both, reportedAsDash } from './build';
export { noteMarks, noteText, rowNoteMarks, basesOf, sourceOf } from './notes';
export { partnerOrder, ageCompare, ageOrder, migrTypeCompare, sexCompare, SEX_ORDER } from './order';
export { basisSpans, basisText, breaksInScope, inScope, releaseScope, territorySpans, yearRange } from './scope';
export { rowOrderText } from './row-order-text';
export { partnerRoleName, sourceKindText } from './texts';
