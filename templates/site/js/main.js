// The page's state, the lazy loading of each table's data and the one render of everything.

const RELEASE = JSON.parse(document.getElementById('release').textContent);
const state = { lang: 'en', table: RELEASE.tables[0].id, countries: new Set(), years: new Set(), sexes: new Set(), types: new Set(), items: new Set(), chartCountry: null, mirror: { year: null, sex: '_T', st: 0 } };
const loaded = { table: {}, mirror: null };
const waiting = {};
/** Country sections drawn for the current choice of everything but the countries. */
const built = { key: '', sections: new Map(), run: 0 };
const FIGURES_PER_STEP = 6000;

// the data scripts beside the page (site/T01.js …) call this: a <script src> is what a browser
// allows a page opened from file:// to load, where fetch and XMLHttpRequest are refused
Object.defineProperty(window, 'MCH', {
  value: Object.freeze({
    register(kind, id, data) {
      if (kind === 'mirror') loaded.mirror = data;
      else loaded.table[id] = data;
      const done = waiting[`${kind}:${id}`];
      delete waiting[`${kind}:${id}`];
      if (done) done();
    },
  }),
});

function load(kind, id, src, done) {
  if (waiting[`${kind}:${id}`]) return;
  waiting[`${kind}:${id}`] = done;
  const script = el('script', { src });
  script.addEventListener('error', () => {
    delete waiting[`${kind}:${id}`];
    document.getElementById('status').textContent = t('failed', { file: src });
  });
  document.head.appendChild(script);
}

function currentTable() {
  return RELEASE.tables.find((x) => x.id === state.table);
}

/** A newly chosen table starts with every country, year, type and row, both sexes together. */
function resetSelection() {
  const table = currentTable();
  state.countries = new Set(table.countries.map((c) => c.code));
  state.years = new Set(table.years.map(String));
  state.sexes = new Set([table.sexes.includes('_T') ? '_T' : table.sexes[0]]);
  state.types = new Set(table.types.map((x) => x.code));
  state.items = new Set(table.items.map((i) => i.code));
  state.chartCountry = null;
}

function render() {
  const focused = document.activeElement && document.activeElement.id;
  const table = currentTable();
  document.documentElement.lang = state.lang;
  document.title = `${tr(RELEASE.title)} — ${RELEASE.version}`;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.getAttribute('data-t'));
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === state.lang));
  document.getElementById('title').textContent = tr(RELEASE.title);
  document.getElementById('subtitle').textContent = t('subtitle', { version: RELEASE.version, date: RELEASE.release_date });
  tableSelect();
  filters(table);
  fileLinks(table);
  figures(table);
  mirrorSection();
  contents();
  try {
    history.replaceState(null, '', `#lang=${state.lang}&table=${state.table}`);
  } catch {
    // some browsers refuse history on file://; the page works without it
  }
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

function tableSelect() {
  const select = clear(document.getElementById('table'));
  for (const x of RELEASE.tables) select.appendChild(el('option', { value: x.id, selected: x.id === state.table }, `${x.id} ${tr(x.title)}`));
  select.value = state.table;
}

function filters(table) {
  const box = clear(document.getElementById('filters'));
  const set = (key) => (values) => {
    state[key] = values;
    render();
  };
  box.appendChild(checkboxGroup('f-country', t('countries'), table.countries.map((c) => ({ value: c.code, label: tr(c.name) })), state.countries, set('countries')));
  box.appendChild(checkboxGroup('f-year', t('years'), table.years.map((y) => ({ value: String(y), label: String(y) })), state.years, set('years')));
  box.appendChild(checkboxGroup('f-sex', t('sex'), table.sexes.map((s) => ({ value: s, label: sexLabel(s) })), state.sexes, set('sexes')));
  if (table.types.some((x) => x.code)) box.appendChild(checkboxGroup('f-type', t('types'), table.types.map((x) => ({ value: x.code, label: `${x.code}: ${tr(x.label)}` })), state.types, set('types')));
  box.appendChild(checkboxGroup('f-item', tr(table.item_header), table.items.map((i) => ({ value: i.code, label: `${tr(i.label)} (${i.code})` })), state.items, set('items'), true));
}

function fileLinks(table) {
  const box = clear(document.getElementById('files'));
  if (!table.files.length) return;
  box.appendChild(document.createTextNode(`${t('files')} `));
  table.files.forEach((f, i) => {
    if (i) box.appendChild(document.createTextNode(' · '));
    box.appendChild(el('a', { href: f }, f));
  });
}

function figures(table) {
  const status = document.getElementById('status');
  const countries = clear(document.getElementById('countries'));
  const chartSection = document.getElementById('chart-section');
  clear(document.getElementById('legend')).appendChild(legend());
  const button = document.getElementById('download');
  if (!table.countries.length) {
    chartSection.hidden = true;
    button.disabled = true;
    status.textContent = t('noCountry');
    return;
  }
  const data = loaded.table[table.id];
  if (!data) {
    chartSection.hidden = true;
    button.disabled = true;
    status.textContent = t('loading', { table: table.id });
    load('table', table.id, table.script, render);
    return;
  }
  button.disabled = false;
  chartSection.hidden = !charts(data);
  const chosen = data.countries.filter((x) => state.countries.has(x.code));
  const count = chosen.reduce((n, c) => {
    const pick = selected(c);
    return n + pick.rows.length * pick.columns.length;
  }, 0);
  // a country's section is kept while only the choice of countries changes, so that adding or
  // dropping one country does not redraw the others (at tier M each holds thousands of figures)
  const key = [state.lang, table.id, ...[state.years, state.sexes, state.types, state.items].map((s) => [...s].sort().join(','))].join('|');
  if (built.key !== key) {
    built.key = key;
    built.sections = new Map();
  }
  const run = ++built.run;
  let next = 0;
  // drawn a few thousand figures at a time, so the page answers the reader while a large table is drawn
  const step = () => {
    if (run !== built.run) return;
    let budget = FIGURES_PER_STEP;
    while (next < chosen.length && budget > 0) {
      const c = chosen[next++];
      if (!built.sections.has(c.code)) {
        built.sections.set(c.code, countrySection(c, data));
        const pick = selected(c);
        budget -= Math.max(1, pick.rows.length * pick.columns.length);
      }
      countries.appendChild(built.sections.get(c.code));
    }
    const done = next >= chosen.length;
    status.textContent = t(done ? 'shown' : 'showing', { countries: next, all: data.countries.length, figures: formatInt(count) });
    if (!done) setTimeout(step, 0);
  };
  step();
}

function contents() {
  const box = clear(document.getElementById('contents-body'));
  box.appendChild(
    el(
      'ul',
      {},
      RELEASE.contents.map((c) => {
        const links = [];
        c.files.forEach((f, i) => {
          if (i) links.push(', ');
          links.push(el('a', { href: f }, f));
        });
        return el('li', {}, [`${tr(c.text)}: `, ...links]);
      }),
    ),
  );
}

document.getElementById('table').addEventListener('change', (e) => {
  state.table = e.target.value;
  resetSelection();
  render();
});
document.getElementById('download').addEventListener('click', () => download(loaded.table[state.table]));
for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    state.lang = b.getAttribute('data-lang');
    render();
  });
}

const asked = new URLSearchParams(location.hash.slice(1));
if (asked.get('lang') === 'ru') state.lang = 'ru';
if (RELEASE.tables.some((x) => x.id === asked.get('table'))) state.table = asked.get('table');
resetSelection();
render();
