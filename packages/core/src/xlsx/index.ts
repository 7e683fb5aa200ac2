// Reading an Excel workbook's package from its bytes: the archive, its XML, its relationships,
// shared strings and styles. Ingest reads questionnaires through it; quality's feedback workbooks
// annotate a copy of them through it, so both see a workbook's parts the same way.
export { Unreadable } from './unreadable';
export { ZIP_LIMITS, ZipArchive, type ZipLimits, type ZipEntryRaw } from './zip';
export { type Attrs, MAX_TEXT, XmlError, scanXml } from './xml';
export { type CellStyle, type Relationship, type SheetPart, type WorkbookPackage, dirOf, readPackage, readRels, readSharedStrings, readStyles, relsOf, resolve, unescapeOoxml } from './package';
export { quote, safeRaw } from './text';
