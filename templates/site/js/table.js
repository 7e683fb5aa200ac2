// One section per chosen country: its table (rows = type × partner or age group, columns = year × sex,
// as on its Excel sheet) beside its metadata and notes.

/** The rows and columns of one country that the selection keeps, as indexes into its data. */
function selected(country) {
  const columns = [];
  country.columns.forEach((c, i) => {
    if (state.years.has(String(c[0])) && state.sexes.has(c[1])) columns.push(i);
  });
  const rows = country.rows.filter((r) => (!r.type || state.types.has(r.type)) && state.items.has(r.code));
  return { columns, rows };
}

function sexLabel(code) {
  const s = RELEASE.sex.find((x) => x.code === code);
  return s ? tr(s.label) : code;
}

function countrySection(country, data) {
  const info = currentTable();
  const pick = selected(country);
  const headingId = `c-${country.code}`;
  const body = [];
  if (!pick.columns.length || !pick.rows.length) body.push(el('p', { class: 'empty' }, t('nothing', { country: tr(country.name) })));
  else body.push(figureTable(country, pick, info, data));
  body.push(metaAside(country, data));
  return el('section', { class: 'country', 'aria-labelledby': headingId, 'data-country': country.code }, [
    el('h3', { id: headingId }, `${tr(country.name)} (${country.code})`),
    el('div', { class: 'country-body' }, body),
  ]);
}

function figureTable(country, pick, info, data) {
  const hasNotes = country.rows.some((r) => r.notes);
  const captionId = `cap-${country.code}`;
  const width = 2 + pick.columns.length + (hasNotes ? 1 : 0);
  const head = el('tr', {}, [
    el('th', { scope: 'col' }, t('code')),
    el('th', { scope: 'col' }, tr(info.item_header)),
    ...pick.columns.map((i) => el('th', { scope: 'col', class: 'num' }, `${country.columns[i][0]} ${sexLabel(country.columns[i][1])}`)),
    hasNotes ? el('th', { scope: 'col' }, t('notesColumn')) : null,
  ]);
  const groups = [];
  let group = null;
  let aggregates = false;
  for (const row of pick.rows) {
    if (!group || group.type !== row.type) {
      const type = country.types.find((x) => x.code === row.type);
      const heading = row.type ? [el('tr', { class: 'type' }, [el('th', { scope: 'rowgroup', colspan: width }, `${row.type}: ${tr(type && type.label)}`)])] : [];
      group = { type: row.type, body: el('tbody', { 'data-type': row.type }, heading) };
      groups.push(group.body);
      aggregates = false;
    }
    const aggregate = row.kind === 'aggregate' || row.kind === 'derived';
    const classes = [`k-${row.kind}`, aggregate && !aggregates ? 'first-aggregate' : ''].filter(Boolean).join(' ');
    if (aggregate) aggregates = true;
    const line = document.createElement('tr');
    line.className = classes;
    line.setAttribute('data-code', row.code);
    line.appendChild(cell('td', 'code', row.code));
    const label = cell('th', '', tr(row.label));
    label.setAttribute('scope', 'row');
    line.appendChild(label);
    for (const i of pick.columns) {
      const value = row.cells[i];
      line.appendChild(cell('td', typeof value === 'string' ? 'num symbol' : 'num', cellText(value)));
    }
    if (hasNotes) line.appendChild(cell('td', 'notes', row.notes));
    group.body.appendChild(line);
  }
  const table = el('table', { 'aria-describedby': 'legend' }, [
    // what the figures count and when, as the table's files say it
    el('caption', { id: captionId }, `${info.id} ${tr(country.name)}: ${tr(info.title)}. ${tr(data.note)}`),
    el('thead', {}, head),
    ...groups,
  ]);
  // a wide table scrolls inside its own region, which the keyboard can reach
  return el('div', { class: 'scroll-x', role: 'region', 'aria-labelledby': captionId, tabindex: 0 }, table);
}

function metaAside(country, data) {
  const m = country.meta;
  const items = [];
  const add = (term, values) => {
    if (!values.length) return;
    items.push(el('dt', {}, term));
    for (const v of values) items.push(el('dd', {}, v));
  };
  add(t('source'), m.source ? [tr(m.source)] : []);
  add(t('basis'), m.bases.map((b) => (b.type ? `${b.type}: ${tr(b.text)}` : tr(b.text))));
  add(t('territory'), m.territory.map((x) => (m.territory.length > 1 ? `${x.years}: ${tr(x.text)}` : tr(x.text))));
  add(t('breaks'), m.breaks.map((b) => `${b.year}: ${tr(b.text)}`));
  const notes = data.notes.filter((n) => n.country === country.code || n.country === '');
  return el('aside', { class: 'meta', 'aria-label': t('metaOf', { country: tr(country.name) }) }, [
    el('dl', {}, items),
    el('h4', {}, t('notes')),
    notes.length
      ? el('ul', { class: 'note-list' }, notes.map((n) => el('li', {}, [el('span', { class: 'mark' }, `[note ${n.n}]`), ' ', tr(n)])))
      : el('p', {}, t('noNotes')),
  ]);
}

/** The symbol legend of the one mapping, as on every cover sheet. */
function legend() {
  return el('div', { class: 'legend' }, [
    el('h3', {}, t('symbols')),
    el('ul', {}, [...RELEASE.symbols.map((s) => el('li', {}, [el('span', { class: 'mark' }, s.symbol), ` ${tr(s.text)}`])), el('li', {}, tr(RELEASE.dash))]),
    el('p', {}, `${t('unit')} ${t('aggregates')} ${t('sameAsExcel')}`),
  ]);
}
