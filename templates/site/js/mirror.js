// The mirror matrix per year: receiving countries × sending countries, each cell the ratio I / E of
// the public quality summary, coloured by where it lies against the band of rule MCH-M01.

function mirrorSection() {
  const body = clear(document.getElementById('mirror-body'));
  // a table set without a mirror pair (tables.yaml) has no matrix to show
  document.getElementById('mirror').hidden = !RELEASE.mirror;
  if (!RELEASE.mirror) return;
  body.appendChild(el('p', {}, t('mirrorIntro')));
  const data = loaded.mirror;
  if (!data) {
    const show = el('button', { type: 'button', id: 'mirror-show' }, t('mirrorShow'));
    show.addEventListener('click', () =>
      load('mirror', 'mirror', RELEASE.mirror.script, () => {
        mirrorSection();
        document.getElementById('mirror-year').focus();
      }),
    );
    body.appendChild(show);
    return;
  }
  const years = [...new Set(data.rows.map((r) => r[0]))].sort((a, b) => a - b);
  const shortTerm = data.rows.some((r) => r[2] === 1);
  if (!years.includes(state.mirror.year)) state.mirror.year = years[years.length - 1];
  const sexes = RELEASE.sex.map((s) => s.code).filter((s) => data.rows.some((r) => r[1] === s));
  const select = (id, label, options, value, set) => {
    const s = el('select', { id }, options.map((o) => el('option', { value: o.value, selected: String(o.value) === String(value) }, o.label)));
    s.addEventListener('change', () => {
      set(s.value);
      mirrorSection();
      document.getElementById(id).focus();
    });
    return el('p', { class: 'field' }, [el('label', { for: id }, label), ' ', s]);
  };
  body.appendChild(
    el('div', { class: 'mirror-controls' }, [
      select('mirror-year', t('mirrorYear'), years.map((y) => ({ value: y, label: String(y) })), state.mirror.year, (v) => (state.mirror.year = Number(v))),
      select('mirror-sex', t('mirrorSex'), sexes.map((s) => ({ value: s, label: sexLabel(s) })), state.mirror.sex, (v) => (state.mirror.sex = v)),
      shortTerm
        ? select('mirror-type', t('mirrorType'), [{ value: 0, label: t('mirrorBest') }, { value: 1, label: t('mirrorShort') }], state.mirror.st, (v) => (state.mirror.st = Number(v)))
        : null,
    ]),
  );
  body.appendChild(mirrorLegend(data.band));
  body.appendChild(mirrorMatrix(data));
}

function mirrorClass(row, band) {
  const ratio = row[7];
  // E = 0 against a large I is flagged without a ratio: it lies above any band
  if (ratio === null) return row[8] ? 'm-above' : 'm-none';
  const strength = row[8] ? '' : ' m-light';
  if (ratio < band.low) return `m-below${strength}`;
  if (ratio > band.high) return `m-above${strength}`;
  return 'm-inside';
}

function mirrorLegend(band) {
  const low = formatDecimal(band.low, band.low % 1 ? 1 : 0);
  const high = formatDecimal(band.high, band.high % 1 ? 1 : 0);
  const min = formatInt(band.min_size);
  const swatch = (cls, text) => el('li', {}, [el('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), ` ${text}`]);
  return el('ul', { class: 'mirror-legend', id: 'mirror-legend' }, [
    swatch('m-below', t('below', { low })),
    swatch('m-inside', t('inside', { low, high })),
    swatch('m-above', t('above', { high })),
    swatch('m-below m-light', t('light', { min })),
    swatch('m-none', t('noRatio')),
    el('li', {}, t('flag', { min })),
  ]);
}

function mirrorMatrix(data) {
  const s = state.mirror;
  const rows = data.rows.filter((r) => r[0] === s.year && r[1] === s.sex && r[2] === s.st);
  const at = new Map(rows.map((r) => [`${r[3]}|${r[4]}`, r]));
  const codes = data.countries.map((c) => c.code);
  const name = (code) => tr(data.countries.find((c) => c.code === code).name);
  const value = (v) => (v === null ? '—' : formatInt(v));
  const head = el('tr', {}, [el('th', { scope: 'col' }, t('mirrorCorner')), ...codes.map((c) => el('th', { scope: 'col', class: 'num' }, el('abbr', { title: name(c) }, c)))]);
  const body = codes.map((a) =>
    el('tr', {}, [
      el('th', { scope: 'row' }, `${name(a)} (${a})`),
      ...codes.map((b) => {
        if (a === b) return el('td', { class: 'm-same', title: t('same') }, '');
        const r = at.get(`${a}|${b}`);
        if (!r) return el('td', { class: 'm-none' }, '');
        const [typeIn, typeOut] = r[9].split(' / ');
        const [basisIn, basisOut] = r[10].split(' / ');
        const title = t('cellTitle', { i: value(r[5]), e: value(r[6]), typeIn, typeOut, basisIn, basisOut });
        // shown from I and E, rounded once and half up in whole numbers (the stored ratio has four places: core's roundedQuotient)
        const ratio = r[7] === null ? null : r[5] !== null && r[6] ? Math.floor((200 * r[5] + r[6]) / (2 * r[6])) / 100 : r[7];
        const text = `${ratio === null ? '—' : formatDecimal(ratio, 2)}${r[8] ? ' !' : ''}`;
        return el('td', { class: `num ${mirrorClass(r, data.band)}`, title, 'data-pair': `${a}-${b}` }, text);
      }),
    ]),
  );
  const caption = el('caption', {}, t('mirrorCaption', { year: s.year, sex: sexLabel(s.sex).toLowerCase() }));
  return el('div', { class: 'scroll-x', role: 'region', 'aria-label': t('mirror'), tabindex: 0 }, el('table', { class: 'mirror', 'aria-describedby': 'mirror-legend' }, [caption, el('thead', {}, head), el('tbody', {}, body)]));
}
