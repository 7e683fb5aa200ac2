/**
 * CSV text split into records as csv-parse splits it with `relax_quotes`, `relax_column_count`,
 * `skip_empty_lines: false` and CRLF, LF or CR ending a record (a property test holds the two
 * together), three times faster: a line without a quote is one `String.split`, and only a line
 * holding a quote is read character by character. `raw` is the line itself when the record is one
 * line without quotes (its fields joined again would be the same text).
 */
export function tokenize(text: string, delimiter: string, visit: (fields: string[], raw: string | undefined) => void): { unclosed?: number } {
  const n = text.length;
  let pos = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let quote = text.indexOf('"');
  while (pos < n) {
    if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    const eol = lf === -1 ? (cr === -1 ? n : cr) : cr === -1 ? lf : Math.min(lf, cr);
    if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
    if (quote === -1 || quote >= eol) {
      const line = text.slice(pos, eol);
      visit(line.split(delimiter), line);
      pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
      continue;
    }
    const r = quotedRecord(text, pos, delimiter.charCodeAt(0));
    if (r.fields === undefined) return { unclosed: pos };
    visit(r.fields, undefined);
    pos = r.next;
  }
  return {};
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * One record from `start`, character by character, with csv-parse's rules: a quote opens a field
 * only at its start; inside, `""` is a quote and a quote closes the field when a delimiter, a line
 * end, NUL or the end of the text follows; any other quote ends the quoting but stays in the field,
 * with the opening one.
 */
function quotedRecord(text: string, start: number, d: number): { fields?: string[]; next: number } {
  const n = text.length;
  const fields: string[] = [];
  let field = '';
  let from = start;
  let quoting = false;
  for (let i = start; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (quoting) {
      if (ch !== QUOTE) continue;
      if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
        field += text.slice(from, i + 1);
        i++;
        from = i + 1;
        continue;
      }
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      quoting = false;
      if (next === 0 || next === d || next === LF || next === CR) {
        field += text.slice(from, i);
        from = i + 1;
      } else {
        // relax_quotes: the quotes are text, the opening one put back in front
        field = `"${field}${text.slice(from, i)}`;
        from = i;
      }
      continue;
    }
    if (ch === QUOTE && field.length === 0 && i === from) {
      quoting = true;
      from = i + 1;
    } else if (ch === d) {
      fields.push(field + text.slice(from, i));
      field = '';
      from = i + 1;
    } else if (ch === LF || ch === CR) {
      fields.push(field + text.slice(from, i));
      return { fields, next: i + (ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1) };
    }
  }
  if (quoting) return { next: n };
  fields.push(field + text.slice(from, n));
  return { fields, next: n };
}
