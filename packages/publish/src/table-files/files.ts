import type { TableModel, WholeFile } from '../model';
import { tableWithCountries } from '../published/build';
import type { TableFrame } from '../published/types';
import { checkedPxFile } from '../px/index';
import { jsonstatDataset } from '../jsonstat/index';
import { type SiteTablePart, siteTablePart } from '../site/index';
import { tableWorkbook } from '../xlsx/workbook';

/** The files of one table (workbook, PX, JSON-stat, the page's data script) and its entry in the release page, its data script let go. */
export interface TableFiles {
  files: WholeFile[];
  site: SiteTablePart & { file: null };
}

/** Lays out one table's cells and writes every file made of them; the cells are let go after. */
export async function tableFiles(model: TableModel, frame: TableFrame): Promise<TableFiles> {
  const table = tableWithCountries(model, frame);
  const id = frame.table.id;
  const files: WholeFile[] = [{ path: `tables/${id}.xlsx`, bytes: await tableWorkbook(model, table) }];
  files.push({ path: `px/${id}.px`, bytes: checkedPxFile(model, table) });
  files.push({ path: `jsonstat/${id}.json`, bytes: Buffer.from(jsonstatDataset(model, table), 'utf8') });
  const part = siteTablePart(model, table);
  if (part.file) files.push(part.file);
  return { files, site: { ...part, file: null } };
}
