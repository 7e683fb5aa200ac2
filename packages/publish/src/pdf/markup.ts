/**
 * The small text markup the notes templates are written in, so a statistician can edit wording
 * without touching code: `#`, `##`, `###` headings, `- ` bullets, `| a | b |` tables (first row
 * is the header; `|---|` lines are skipped), `[[chart:NAME]]` charts, blank lines between
 * paragraphs, and `\` before any character to take it literally.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'chart'; name: string };

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: unescapeMarkup(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    const last = blocks[blocks.length - 1];
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const chart = /^\[\[chart:([a-z-]+)\]\]$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: unescapeMarkup(heading[2]!) });
    } else if (chart) {
      flush();
      blocks.push({ kind: 'chart', name: chart[1]! });
    } else if (line.startsWith('- ')) {
      flush();
      const item = unescapeMarkup(line.slice(2));
      if (last?.kind === 'list' && !paragraph.length) last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (line.startsWith('|')) {
      flush();
      if (/^\|(\s*:?-+:?\s*\|)+$/.test(line)) continue;
      const cells = splitRow(line);
      if (last?.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', header: cells, rows: [] });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Cells of `| a | b \| c |`: split on unescaped pipes, then unescape. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      cell += c + line[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(unescapeMarkup(cell.trim()));
      cell = '';
    } else cell += c;
  }
  if (cell.trim()) cells.push(unescapeMarkup(cell.trim()));
  return cells;
}

function unescapeMarkup(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * Makes a value inert inside the markup: backslashes and pipes escaped, a leading markup
 * character escaped, line breaks and control characters gone.
 */
export function escapeMarkup(value: string): string {
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  const escaped = flat.replace(/[\\|[\]]/g, (c) => `\\${c}`);
  return /^[#-]/.test(escaped) ? `\\${escaped}` : escaped;
}
