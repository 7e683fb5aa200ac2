// report.html's script: renders the findings a page of groups at a time and draws the charts from the
// data block (report-view-findings.ts); text goes in with textContent only. Joined into the page inline,
// allowed by its hash: keep any closing script tag out of this file.
(function () {
  'use strict';
  var block = document.getElementById('report-data');
  var data;
  var PAGE = 100;
  var CHART_STEP = 24;
  var SVG = 'http://www.w3.org/2000/svg';
  // the columns of data.groups and data.findings (report-view-findings.ts)
  var G = { id: 0, rule: 1, severity: 2, country: 3, table: 4, label: 5, labelRu: 6, count: 7, waived: 8, years: 9, worst: 10, worstRu: 11, first: 12, worstRow: 13, chart: 14 };
  var F = { id: 0, year: 1, message: 2, messageRu: 3, places: 4, more: 5, waiver: 6, status: 7 };
  var filters = ['country', 'rule', 'severity'];
  var tbody = document.querySelector('#findings tbody');
  var state = { shown: [], page: 0, open: {}, charts: [], chartsShown: CHART_STEP };
  var groupOf = {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== '') e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  // as format.ts fmt: 5210 → "5 210", at most two decimals
  function fmt(n) {
    var abs = Math.abs(n);
    var text = Number.isInteger(abs) ? String(abs) : abs.toFixed(2).replace(/\.?0+$/, '');
    var parts = text.split('.');
    return (n < 0 ? '-' : '') + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + (parts[1] ? '.' + parts[1] : '');
  }
  // 1 замечание, 2 замечания, 5 замечаний (as format.ts ruPlural)
  function ruFindings(n) {
    var tens = n % 100, units = n % 10;
    if (tens >= 11 && tens <= 14) return 'замечаний';
    return units === 1 ? 'замечание' : units >= 2 && units <= 4 ? 'замечания' : 'замечаний';
  }
  function want() {
    return filters.map(function (k) { return document.getElementById('f-' + k).value; });
  }
  function groupMatches(g, w) {
    return (!w[0] || g[G.country] === w[0]) && (!w[1] || g[G.rule] === w[1]) && (!w[2] || g[G.severity] === w[2]);
  }

  function places(f) {
    var text = f[F.places].map(function (p) { return data.files[p[0]] + (p[1] ? ' ' + p[1] + '!' : ' line ') + p[2]; });
    if (f[F.more]) text.push('… and ' + f[F.more] + ' more cells');
    return text.join('; ');
  }
  function cells(tr, values) {
    values.forEach(function (v) { tr.appendChild(typeof v === 'string' ? el('td', '', v) : v); });
  }
  function toggle(gi, label) {
    var b = el('button', 'toggle', (state.open[gi] ? '▾ ' : '▸ ') + label);
    b.type = 'button';
    b.setAttribute('aria-expanded', state.open[gi] ? 'true' : 'false');
    b.addEventListener('click', function () {
      state.open[gi] = !state.open[gi];
      render();
    });
    return b;
  }
  function findingRow(f, g, gi, member) {
    var tr = el('tr', member ? 'member' : '');
    tr.id = 'f-' + f[F.id];
    if (f[F.waiver]) tr.classList.add('waived');
    var id = el('td');
    if (!member && g[G.chart] >= 0) id.appendChild(toggle(gi, 'chart'));
    id.appendChild(document.createTextNode(f[F.id]));
    if (f[F.status]) {
      id.appendChild(document.createTextNode(' '));
      id.appendChild(el('span', 'status', f[F.status]));
    }
    cells(tr, [id, el('td', 'sev-' + g[G.severity], g[G.severity]), g[G.country], g[G.table], f[F.year], f[F.message], f[F.messageRu], places(f), f[F.waiver]]);
    return tr;
  }
  function groupRow(g, gi) {
    var tr = el('tr', 'group');
    tr.id = 'g-' + g[G.id];
    var id = el('td');
    id.appendChild(toggle(gi, fmt(g[G.count]) + ' findings'));
    var worst = data.findings[g[G.worstRow]];
    var en = g[G.label] + ': ' + fmt(g[G.count]) + ' findings' + (g[G.worst] ? ', ' + g[G.worst] : '') + '. ' + worst[F.message];
    var ru = g[G.labelRu] + ': ' + fmt(g[G.count]) + ' ' + ruFindings(g[G.count]) + (g[G.worstRu] ? ', ' + g[G.worstRu] : '') + '. ' + worst[F.messageRu];
    var waived = g[G.waived] ? g[G.waived] + ' of ' + g[G.count] + ' waived / исключения' : '';
    cells(tr, [id, el('td', 'sev-' + g[G.severity], g[G.severity]), g[G.country], g[G.table], g[G.years], en, ru, places(worst), waived]);
    return tr;
  }

  function chartFigure(c) {
    var W = 360, H = 150, R = 10, T = 10, B = 22;
    var years = [], values = [];
    c.lines.forEach(function (l) { l[2].forEach(function (p) { if (years.indexOf(p[0]) < 0) years.push(p[0]); values.push(p[1]); }); });
    years.sort(function (a, b) { return a - b; });
    var lo = Math.min.apply(null, [0].concat(values));
    var hi = Math.max.apply(null, [1].concat(values));
    // the axis as wide as its longer label needs: a 9-pixel digit or space is at most 5.8 wide
    var L = Math.max(56, Math.ceil(Math.max(fmt(lo).length, fmt(hi).length) * 5.8) + 8);
    function x(y) { return years.length < 2 ? L + (W - L - R) / 2 : L + ((y - years[0]) / (years[years.length - 1] - years[0])) * (W - L - R); }
    function y(v) { return T + (1 - (v - lo) / (hi - lo)) * (H - T - B); }
    function r(n) { return Math.round(n * 10) / 10; }
    var fig = el('figure', 'chart');
    fig.id = c.id;
    fig.setAttribute('data-country', c.ref_area);
    var cap = el('figcaption', '', c.title);
    if (c.group) {
      cap.appendChild(document.createTextNode(' — '));
      var a = el('a', '', 'findings');
      a.href = '#g-' + c.group;
      cap.appendChild(a);
    }
    fig.appendChild(cap);
    var s = svg('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': c.title });
    s.appendChild(svg('line', { class: 'axis', x1: L, y1: r(y(lo)), x2: W - R, y2: r(y(lo)) }));
    s.appendChild(svg('line', { class: 'axis', x1: L, y1: T, x2: L, y2: r(y(lo)) }));
    [lo, hi].forEach(function (v) {
      var t = svg('text', { x: L - 4, y: r(y(v) + 3), 'text-anchor': 'end' });
      t.textContent = fmt(v);
      s.appendChild(t);
    });
    // at most about eight year labels, so twenty years do not overprint
    var step = Math.ceil(years.length / 8);
    years.forEach(function (yr, i) {
      if (i % step) return;
      var t = svg('text', { x: r(x(yr)), y: H - 6, 'text-anchor': 'middle' });
      t.textContent = String(yr);
      s.appendChild(t);
    });
    c.lines.forEach(function (l) {
      s.appendChild(svg('polyline', { class: l[1], points: l[2].map(function (p) { return r(x(p[0])) + ',' + r(y(p[1])); }).join(' ') }));
      l[2].forEach(function (p) {
        var dot = svg('circle', { cx: r(x(p[0])), cy: r(y(p[1])), r: 3 });
        if (p[2]) dot.setAttribute('class', 'flagged');
        var title = document.createElementNS(SVG, 'title');
        title.textContent = l[0] + ' ' + p[0] + ': ' + fmt(p[1]);
        dot.appendChild(title);
        s.appendChild(dot);
      });
    });
    fig.appendChild(s);
    return fig;
  }
  function chartRow(c) {
    var tr = el('tr', 'chart-row');
    var td = el('td');
    td.colSpan = 9;
    td.appendChild(chartFigure(c));
    tr.appendChild(td);
    return tr;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(state.shown.length / PAGE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    var rows = document.createDocumentFragment();
    state.shown.slice(state.page * PAGE, (state.page + 1) * PAGE).forEach(function (gi) {
      var g = data.groups[gi];
      var chart = g[G.chart] >= 0 ? data.charts[g[G.chart]] : null;
      if (g[G.count] === 1) {
        rows.appendChild(findingRow(data.findings[g[G.first]], g, gi, false));
        if (state.open[gi] && chart) rows.appendChild(chartRow(chart));
        return;
      }
      rows.appendChild(groupRow(g, gi));
      if (!state.open[gi]) return;
      if (chart) rows.appendChild(chartRow(chart));
      for (var i = g[G.first]; i < g[G.first] + g[G.count]; i++) rows.appendChild(findingRow(data.findings[i], g, gi, true));
    });
    tbody.textContent = '';
    tbody.appendChild(rows);
    document.getElementById('f-page').textContent = 'page ' + (state.page + 1) + ' of ' + pages + ' / страница ' + (state.page + 1) + ' из ' + pages;
    document.getElementById('f-prev').disabled = state.page === 0;
    document.getElementById('f-next').disabled = state.page >= pages - 1;
  }
  function renderCharts() {
    var box = document.getElementById('charts');
    var list = document.createDocumentFragment();
    state.charts.slice(0, state.chartsShown).forEach(function (ci) { list.appendChild(chartFigure(data.charts[ci])); });
    box.textContent = '';
    if (!data.charts.length) box.appendChild(el('p', '', 'No flagged series. / Отмеченных рядов нет.'));
    box.appendChild(list);
    var more = document.getElementById('charts-more');
    more.hidden = state.chartsShown >= state.charts.length;
    document.getElementById('charts-count').textContent = data.charts.length ? Math.min(state.chartsShown, state.charts.length) + ' of ' + state.charts.length + ' charts' : '';
  }

  function apply() {
    var w = want();
    var findings = 0;
    state.shown = [];
    data.groups.forEach(function (g, gi) {
      if (!groupMatches(g, w)) return;
      state.shown.push(gi);
      findings += g[G.count];
    });
    state.charts = [];
    data.charts.forEach(function (c, ci) {
      var g = c.group ? groupOf[c.group] : null;
      var ok = g ? groupMatches(g, w) : (!w[0] || c.ref_area === w[0]) && (!w[1] || w[1] === 'MCH-M01') && (!w[2] || w[2] === 'info');
      if (ok) state.charts.push(ci);
    });
    document.getElementById('f-count').textContent = findings + ' / ' + data.total + ' findings, ' + state.shown.length + ' groups';
    document.querySelectorAll('.scorecard').forEach(function (card) { card.hidden = !!w[0] && card.getAttribute('data-country') !== w[0]; });
    render();
    renderCharts();
  }

  // a link to a finding or a group (#f-…, #g-…): its page, opened, then scrolled to
  function follow() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var kind = hash.slice(0, 2);
    if (kind !== 'f-' && kind !== 'g-') return;
    var id = hash.slice(2);
    var gi = -1;
    if (kind === 'g-') {
      data.groups.forEach(function (g, i) { if (gi < 0 && g[G.id] === id) gi = i; });
    } else {
      var fi = -1;
      data.findings.forEach(function (f, i) { if (fi < 0 && f[F.id] === id) fi = i; });
      // the rows of each group follow one another in group order
      data.groups.forEach(function (g, i) { if (gi < 0 && fi >= g[G.first] && fi < g[G.first] + g[G.count]) gi = i; });
    }
    if (gi < 0) return;
    if (state.shown.indexOf(gi) < 0) {
      filters.forEach(function (k) { document.getElementById('f-' + k).value = ''; });
      apply();
    }
    state.page = Math.floor(state.shown.indexOf(gi) / PAGE);
    state.open[gi] = true;
    render();
    var target = document.getElementById(hash);
    if (target) target.scrollIntoView();
  }

  function begin(text) {
    data = JSON.parse(text);
    data.groups.forEach(function (g) { groupOf[g[G.id]] = g; });
    filters.forEach(function (k) {
      document.getElementById('f-' + k).addEventListener('change', function () {
        state.page = 0;
        state.chartsShown = CHART_STEP;
        apply();
      });
    });
    document.getElementById('f-prev').addEventListener('click', function () { state.page--; render(); });
    document.getElementById('f-next').addEventListener('click', function () { state.page++; render(); });
    document.getElementById('charts-more').addEventListener('click', function () { state.chartsShown += CHART_STEP; renderCharts(); });
    window.addEventListener('hashchange', follow);
    apply();
    follow();
    document.body.setAttribute('data-ready', 'true');
  }

  // a large report carries its data gzipped (report-html.ts): unpacked here, without any request
  if (block.getAttribute('data-encoding') !== 'gzip-base64') {
    begin(block.textContent);
  } else if (typeof DecompressionStream === 'undefined') {
    tbody.appendChild(el('tr')).appendChild(el('td', '', 'This browser cannot unpack the findings (DecompressionStream); open the page in a current browser, or read report.json.'));
  } else {
    var raw = atob(block.textContent);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(begin);
  }
})();
