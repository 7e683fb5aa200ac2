// Cells and tables of the pdfmake documents (report.pdf), small and alike.

export const th = (text: string, extra: Record<string, unknown> = {}) => ({ text, bold: true, fontSize: 7, ...extra });
export const td = (text: string | number, extra: Record<string, unknown> = {}) => ({ text: String(text), fontSize: 7, ...extra });
export const num = (text: string | number, extra: Record<string, unknown> = {}) => td(text, { alignment: 'right', ...extra });

export function table(header: unknown[], rows: unknown[][], widths?: (string | number)[], headerRows = 1) {
  return {
    table: { headerRows, dontBreakRows: true, widths: widths ?? header.map(() => 'auto'), body: [header, ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}
