/**
 * Why a workbook cannot be read as a whole, and where (part and line, sheet and cell). The readers
 * of this folder throw it; read.ts turns it into MchError('file-unreadable') naming the file.
 */
export class Unreadable extends Error {
  constructor(
    message: string,
    /** "xl/worksheets/sheet1.xml:12" or "T04!B5"; '' when the whole archive is at fault */
    readonly place = '',
  ) {
    super(message);
    this.name = 'Unreadable';
  }
}
