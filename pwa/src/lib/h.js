// A tiny DOM builder: h('p', {class: 'x', onclick: f}, 'text', child, [more]).
// Attributes are set as attributes, except value/checked (properties) and
// on* (listeners). Children may be strings, nodes, arrays, null or false.
export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  let value;
  if (props) {
    for (const k in props) {
      const v = props[k];
      if (v == null || v === false) continue;
      if (k[0] === 'o' && k[1] === 'n') el.addEventListener(k.slice(2), v);
      else if (k === 'value') value = v;
      else if (k === 'checked') el.checked = true;
      else el.setAttribute(k, v === true ? '' : v);
    }
  }
  add(el, kids);
  if (value !== undefined) el.value = value;
  return el;
}

export function add(el, kids) {
  for (const c of kids) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) add(el, c);
    else el.append(c);
  }
  return el;
}

// fill replaces an element's children.
export function fill(el, ...kids) {
  el.textContent = '';
  return add(el, kids);
}

let n = 0;
// uid returns a fresh element id for label/input pairs.
export const uid = (p = 'f') => p + ++n;
