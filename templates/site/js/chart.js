// Charts of the selection, drawn as SVG from the same cells the table shows: a time series per
// reporting country (one panel each), and for partner tables the largest partners of one country.

const PALETTE = ['#1f77b4', '#d95f02', '#2ca02c', '#d62728', '#7b3294', '#8c564b', '#c51b7d', '#4d4d4d', '#9e9a00', '#0e8fa3', '#393b79', '#637939'];
const PARTNERS_SHOWN = 6;
/** One colour per type of migration on every table, so that NAT is the same green on T04 and T07. */
const TYPE_COLOURS = { '': PALETTE[0], LT: PALETTE[0], ST: PALETTE[1], NAT: PALETTE[2] };
const LARGE = { W: 640, H: 280, left: 78, ticks: 4, key: true };
const SMALL = { W: 300, H: 170, left: 64, ticks: 3, key: false };
/** The widest a digit or separator of an 11-pixel tick label is drawn, in the chart's units (DejaVu Sans: 0.64 em). */
const TICK_CHAR_WIDTH = 7.1;

function charts(data) {
  const box = clear(document.getElementById('charts'));
  const years = [...state.years].map(Number).sort((a, b) => a - b);
  const sex = RELEASE.sex.map((s) => s.code).find((s) => state.sexes.has(s));
  const countries = data.countries.filter((c) => state.countries.has(c.code));
  if (!years.length || !sex || !countries.length) return false;
  const table = currentTable();
  const itemCode = state.items.has('_T') ? '_T' : table.items.map((i) => i.code).find((c) => state.items.has(c));
  if (!itemCode) return false;
  const item = table.items.find((i) => i.code === itemCode);
  const typeColour = (code) => TYPE_COLOURS[code] || PALETTE[3 + (table.types.findIndex((x) => x.code === code) % 8)];
  const panels = [];
  for (const c of countries) {
    const rows = c.rows.filter((r) => r.code === itemCode && (!r.type || state.types.has(r.type)));
    const series = rows.map((row) => ({ name: row.type || tr(c.name), colour: typeColour(row.type), points: points(c, row, years, sex) }));
    panels.push(lineChart(`chart-total-${c.code}`, tr(c.name), years, series, SMALL));
  }
  const key = table.types.some((x) => x.code)
    ? el('ul', { class: 'key' }, table.types.filter((x) => state.types.has(x.code)).map((x) => keyItem(typeColour(x.code), `${x.code}: ${tr(x.label)}`)))
    : null;
  // one panel per country on its own scale: a large country's flows would flatten every other line
  box.appendChild(
    el('figure', { class: 'chart panels', id: 'chart-total' }, [
      el('figcaption', {}, `${t('chartTotal', { row: tr(item.label), sex: sexLabel(sex).toLowerCase() })}. ${t('ownScale')}`),
      key,
      el('div', { class: 'panel-grid' }, panels),
    ]),
  );
  if (table.breakdown === 'PARTNER') box.appendChild(partnerChart(countries, years, sex));
  box.appendChild(el('p', { class: 'note' }, t('chartNote')));
  return true;
}

function points(country, row, years, sex) {
  return years.map((year) => {
    const i = country.columns.findIndex((c) => c[0] === year && c[1] === sex);
    const cell = i < 0 ? undefined : row.cells[i];
    const marks = cell === undefined ? '' : cellMarks(cell);
    return { x: year, y: cell === undefined ? null : cellValue(cell), text: cell === undefined ? '' : cellText(cell), brk: marks.includes('[b]'), marked: typeof cell !== 'string' && marks !== '' };
  });
}

function partnerChart(countries, years, sex) {
  if (!countries.some((c) => c.code === state.chartCountry)) state.chartCountry = countries[0].code;
  const country = countries.find((c) => c.code === state.chartCountry);
  const pick = el('select', { id: 'chart-country' }, countries.map((c) => el('option', { value: c.code, selected: c.code === country.code }, tr(c.name))));
  pick.addEventListener('change', () => {
    state.chartCountry = pick.value;
    render();
    document.getElementById('chart-country').focus();
  });
  const control = el('p', { class: 'field' }, [el('label', { for: 'chart-country' }, t('chartCountry')), ' ', pick]);
  const type = country.types.map((x) => x.code).find((c) => !c || state.types.has(c));
  const rows = country.rows.filter((r) => r.type === type && (r.kind === 'country' || r.kind === 'former') && state.items.has(r.code));
  // rank by the latest chosen year in which the country has figures
  const ranked = [...years].reverse().map((year) => ({ year, cells: rows.map((r) => ({ r, v: points(country, r, [year], sex)[0].y })) }));
  const rank = ranked.find((y) => y.cells.some((c) => c.v !== null));
  const top = rank ? rank.cells.filter((c) => c.v !== null && c.v > 0).sort((a, b) => b.v - a.v || 0).slice(0, PARTNERS_SHOWN) : [];
  const series = top.map((c, i) => ({ name: tr(c.r.label), colour: PALETTE[i], points: points(country, c.r, years, sex) }));
  const title = t('chartPartners', { country: `${tr(country.name)}${type ? ` (${type})` : ''}`, sex: sexLabel(sex).toLowerCase(), year: rank ? rank.year : years[years.length - 1] });
  const figure = lineChart('chart-partners', title, years, series, LARGE);
  figure.insertBefore(control, figure.firstChild);
  return figure;
}

/** A line chart with a zero-based axis; no line joins a point to one across a break in series. */
function lineChart(id, title, years, series, size) {
  const { W, H } = size;
  const values = series.flatMap((s) => s.points.map((p) => p.y)).filter((v) => v !== null);
  const captionId = `${id}-caption`;
  const caption = el('figcaption', { id: captionId }, title);
  if (!values.length) return el('figure', { class: 'chart', id }, [caption, el('p', { class: 'empty' }, t('chartNoData'))]);
  const step = niceStep(Math.max(...values, 1) / size.ticks);
  const top = Math.ceil(Math.max(...values, 1) / step) * step;
  // the axis is as wide as its widest label needs ("10,000,000" does not fit the small panels' 64)
  const m = { left: Math.max(size.left, Math.ceil(formatInt(top).length * TICK_CHAR_WIDTH) + 10), right: 16, top: 12, bottom: 30 };
  const x = (year) => (years.length === 1 ? (m.left + W - m.right) / 2 : m.left + ((W - m.left - m.right) * years.indexOf(year)) / (years.length - 1));
  const y = (v) => H - m.bottom - ((H - m.top - m.bottom) * v) / top;
  const parts = [];
  for (let v = 0; v <= top + step / 2; v += step) {
    parts.push(svg('line', { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
    parts.push(svg('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, formatInt(v)));
  }
  for (const year of years) parts.push(svg('text', { x: x(year), y: H - 10, 'text-anchor': 'middle', class: 'tick' }, String(year)));
  for (const s of series) {
    let d = '';
    let open = false;
    for (const p of s.points) {
      if (p.y === null) {
        open = false;
        continue;
      }
      d += `${open && !p.brk ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`;
      open = true;
    }
    parts.push(svg('path', { d, fill: 'none', stroke: s.colour, 'stroke-width': 2 }));
    for (const p of s.points.filter((q) => q.y !== null)) {
      parts.push(
        svg('circle', { cx: x(p.x), cy: y(p.y), r: 3.5, fill: p.marked ? '#fff' : s.colour, stroke: s.colour, 'stroke-width': 2 }, [svg('title', {}, `${s.name}, ${p.x}: ${p.text}`)]),
      );
    }
  }
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': captionId, class: 'plot' }, parts);
  const key = size.key ? el('ul', { class: 'key' }, series.map((s) => keyItem(s.colour, s.name))) : null;
  return el('figure', { class: size.key ? 'chart' : 'chart small', id }, [caption, chart, key]);
}

function keyItem(colour, text) {
  return el('li', {}, [svg('svg', { width: 18, height: 10, 'aria-hidden': 'true' }, [svg('line', { x1: 0, x2: 18, y1: 5, y2: 5, stroke: colour, 'stroke-width': 3 })]), ` ${text}`]);
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw);
}
