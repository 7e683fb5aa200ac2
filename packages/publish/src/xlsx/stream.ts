import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { excelStreamWriter } from '@mch/office/exceljs';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

/** exceljs 4.4's own pieces the streaming writer lacks for tables: the same ones its in-memory writer uses; loaded with the first workbook. */
function tableParts() {
  return {
    Table: require('exceljs/lib/doc/table.js') as new (ws: unknown, def: TableDef) => { model: TableModel },
    TableXform: require('exceljs/lib/xlsx/xform/table/table-xform.js') as new () => XmlOf<TableModel>,
    ContentTypesXform: require('exceljs/lib/xlsx/xform/core/content-types-xform.js') as new () => XmlOf<Record<string, unknown>>,
    RelType: require('exceljs/lib/xlsx/rel-type.js') as { Table: string },
  };
}

interface XmlOf<M> {
  prepare?(model: M, options: Record<string, unknown>): void;
  toXml(model: M): string;
}

export interface TableDef {
  name: string;
  ref: string;
  headerRow: boolean;
  style: { theme: string; showRowStripes: boolean };
  columns: { name: string; filterButton: boolean }[];
  rows: (string | number)[][];
}

type TableModel = TableDef & { id?: number; target?: string };

/** The fields of exceljs's WorkbookWriter and WorksheetWriter that tables need (not in its types). */
interface WriterInternals {
  zip: { append(content: string, options: { name: string }): void };
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  media: unknown;
  addContentTypes(): Promise<void>;
}
interface SheetInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _write(text: string): void;
  _writeCloseWorksheet(): void;
}

/**
 * A workbook written with exceljs's streaming writer (stream.xlsx.WorkbookWriter): each sheet's
 * rows are serialised and compressed when the sheet is committed, so one sheet at a time is held
 * as cells. That writer has no Excel tables, which every sheet here is (releases.md): `addTable`
 * writes the table's cells and its table part (xl/tables/tableN.xml, the sheet's relationship,
 * its <tableParts> and the content type) the way exceljs's in-memory writer does.
 */
export class StreamedWorkbook {
  readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly chunks: Buffer[] = [];
  private readonly tables: { target: string }[] = [];
  private readonly withTable = new WeakSet<object>();
  private readonly parts = tableParts();

  constructor() {
    // every chunk is kept by the time the writer sees 'finish'
    const out = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.chunks.push(chunk);
        done();
      },
    });
    const WorkbookWriter = excelStreamWriter();
    this.writer = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    const { ContentTypesXform } = this.parts;
    const internals = this.writer as unknown as WriterInternals;
    // the writer's own list of parts, with the table parts added
    internals.addContentTypes = async () => {
      const model = { worksheets: internals._worksheets.filter(Boolean), sharedStrings: internals.sharedStrings, commentRefs: internals.commentRefs, media: internals.media, tables: this.tables };
      internals.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
    };
  }

  /** An Excel table on a sheet not yet committed: its header row and rows become the sheet's cells at `ref`. */
  addTable(ws: ExcelJS.Worksheet, def: TableDef): void {
    if (this.withTable.has(ws)) throw new Error(`xlsx: one table per sheet (${ws.name})`);
    this.withTable.add(ws);
    const { Table, TableXform, RelType } = this.parts;
    const model = new Table(ws, def).model;
    model.id = this.tables.length + 1;
    model.target = `table${model.id}.xml`;
    this.tables.push({ target: model.target });
    const xform = new TableXform();
    xform.prepare?.(model, {});
    (this.writer as unknown as WriterInternals).zip.append(xform.toXml(model), { name: `xl/tables/${model.target}` });
    const sheet = ws as unknown as SheetInternals;
    const rId = sheet._sheetRelsWriter.addRelationship({ Type: RelType.Table, Target: `../tables/${model.target}` });
    const close = sheet._writeCloseWorksheet.bind(sheet);
    // <tableParts> is the last element of a worksheet before its end
    sheet._writeCloseWorksheet = () => {
      sheet._write(`<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`);
      close();
    };
  }

  /** Commits what is left and returns the file's bytes. */
  async bytes(): Promise<Buffer> {
    await this.writer.commit();
    return Buffer.concat(this.chunks);
  }
}
