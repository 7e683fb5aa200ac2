// Every text goes into the page as a text node (textContent), never as markup: labels and notes
// come from country files and must stay inert. Attributes are set one by one, never as HTML.
function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of [].concat(children === undefined ? [] : children)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** A table cell, made the short way: tables at tier M hold a hundred thousand of them. */
function cell(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  for (const child of [].concat(children === undefined ? [] : children)) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** A group of checkboxes with a legend and "All" / "None" buttons; calls back with the chosen values. */
function checkboxGroup(id, legend, options, chosen, onChange, scroll) {
  const boxes = options.map((o) =>
    el('label', { class: 'check' }, [
      el('input', { type: 'checkbox', name: id, value: o.value, checked: chosen.has(o.value), id: `${id}-${o.value}` }),
      ` ${o.label}`,
    ]),
  );
  const changed = () => onChange(new Set(boxes.map((b) => b.firstChild).filter((i) => i.checked).map((i) => i.value)));
  const setAll = (on) => () => {
    for (const b of boxes) b.firstChild.checked = on;
    changed();
  };
  const all = el('button', { type: 'button', class: 'small' }, t('all'));
  const none = el('button', { type: 'button', class: 'small' }, t('none'));
  all.addEventListener('click', setAll(true));
  none.addEventListener('click', setAll(false));
  const list = el('div', { class: scroll ? 'options scroll' : 'options' }, boxes);
  list.addEventListener('change', changed);
  return el('fieldset', { id, class: 'group' }, [el('legend', {}, legend), el('div', { class: 'bulk' }, [all, ' ', none]), list]);
}
