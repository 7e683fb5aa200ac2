// Numbers as the Excel tables show them (#,##0): grouped thousands, "3,456" in English, "3 456" in Russian.
function formatInt(n) {
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, state.lang === 'ru' ? '\u00a0' : ',');
  return n < 0 ? `−${grouped}` : grouped;
}

function formatDecimal(x, places) {
  const text = x.toFixed(places);
  return state.lang === 'ru' ? text.replace('.', ',') : text;
}

/** What a cell of the Excel table shows: "3,456", "3,456 [e] [d]" or a symbol such as "[x]". */
function cellText(cell) {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return formatInt(cell);
  return `${formatInt(cell[0])} ${cell[1]}`;
}

function cellValue(cell) {
  if (typeof cell === 'number') return cell;
  if (Array.isArray(cell)) return cell[0];
  return null;
}

function cellMarks(cell) {
  if (typeof cell === 'string') return cell;
  return Array.isArray(cell) ? cell[1] : '';
}
