// The selection as CSV, one row per figure shown: codes, labels in the page's language, the value
// as a plain number, the symbol or marks beside it as in the table above, and the figure's own notes.

function selectionCsv(data) {
  const table = currentTable();
  const header = ['table', 'ref_area', 'country', 'migr_type', table.breakdown === 'AGE' ? 'age' : 'partner', 'label', 'time_period', 'sex', 'value', 'symbol', 'notes'];
  const lines = [header];
  for (const c of data.countries.filter((x) => state.countries.has(x.code))) {
    const pick = selected(c);
    for (const r of pick.rows) {
      for (const i of pick.columns) {
        const cell = r.cells[i];
        const value = cellValue(cell);
        lines.push([table.id, c.code, tr(c.name), r.type, r.code, tr(r.label), String(c.columns[i][0]), c.columns[i][1], value === null ? '' : String(value), cellMarks(cell), (r.cell_notes && r.cell_notes[i]) || '']);
      }
    }
  }
  // a byte-order mark, so that Excel reads the Cyrillic labels as UTF-8
  return `\ufeff${lines.map((l) => l.map(csvField).join(',')).join('\n')}\n`;
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is given a leading apostrophe. */
function csvField(text) {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function download(data) {
  const blob = new Blob([selectionCsv(data)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: `mch-${RELEASE.version}-${currentTable().id}-selection.csv`, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoked later, not at once: a browser may still be reading the blob for the download
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
