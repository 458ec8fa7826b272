// Shared pieces of the console's screens: labelled fields, error boxes that
// put the server's messages next to the fields they name, confirm dialogs,
// copy buttons, tables with paging, and form drafts.
import { h, fill, uid } from '../../../pwa/src/lib/h.js';
import { t, dateTime } from './i18n.js';

export const title = (s) => { document.title = s + ' · ' + t('brand'); return h('h1', { tabindex: '-1' }, s); };

// field returns a label with its input (or select/textarea via opts.tag),
// a hint and a place for its error (data-field = the input's name).
export function field({ label, name, tag = 'input', hint, options, ...attrs }) {
  const id = uid();
  const err = h('p', { class: 'err', id: id + '-e', 'data-error-for': name, hidden: true });
  const kids = options ? options.map(([v, l]) => h('option', { value: v }, l)) : [];
  const input = h(tag, { id, name, 'data-field': name, 'aria-describedby': id + '-e' + (hint ? ' ' + id + '-h' : ''), ...attrs }, kids);
  if (options && attrs.value != null) input.value = attrs.value;
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint && h('p', { class: 'hint', id: id + '-h' }, hint), input, err);
}

// showFieldError writes msg under the form's field named name (or clears it).
export function showFieldError(form, name, msg) {
  const p = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
  const input = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (p) { p.textContent = msg || ''; p.hidden = !msg; }
  if (input) { if (msg) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid'); }
  return !!p;
}

export function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((p) => { p.textContent = ''; p.hidden = true; });
  form.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  form.querySelectorAll('.cell-err').forEach((c) => c.classList.remove('cell-err'));
}

// errorBox says what went wrong: the server's message, and each field's.
export function errorBox(e, extra = []) {
  const fields = (e && e.fields) || {};
  const items = Object.entries(fields).map(([k, v]) => h('li', null, h('code', null, k), ': ', v));
  return h('div', { class: 'box-err', role: 'alert' }, h('p', null, (e && e.message) || String(e)),
    (items.length || extra.length) ? h('ul', null, items, extra) : null);
}

// formErrors puts a server error's field messages next to their fields and
// returns a summary box; place(name, msg) may claim names the form shows
// elsewhere (table cells).
export function formErrors(form, e, place = () => false) {
  clearErrors(form);
  for (const [k, v] of Object.entries(e.fields || {})) {
    if (!place(k, v)) showFieldError(form, k.split('.')[0], v);
  }
  return errorBox(e);
}

// confirmDialog asks a yes/no question in a modal dialog.
export function confirmDialog(text, yes) {
  return new Promise((ok) => {
    const d = h('dialog', { class: 'dlg', 'aria-label': text },
      h('p', null, text),
      h('form', { method: 'dialog', class: 'actions' },
        h('button', { value: 'yes', 'data-yes': '' }, yes || t('yes')),
        h('button', { value: 'no', class: 'sec' }, t('cancel'))));
    d.addEventListener('close', () => { d.remove(); ok(d.returnValue === 'yes'); });
    document.body.append(d);
    d.showModal();
  });
}

// reasonDialog asks for a reason of at least min characters; resolves the
// reason or null.
export function reasonDialog(text, min = 10) {
  return new Promise((ok) => {
    const f = h('form', { method: 'dialog', novalidate: true },
      h('p', null, text),
      field({ label: t('reason'), name: 'reason', tag: 'textarea', rows: 3, hint: t('reason_hint', { n: min }) }),
      h('div', { class: 'actions' }, h('button', { value: 'yes' }, t('continue')), h('button', { value: 'no', class: 'sec', formnovalidate: true }, t('cancel'))));
    const d = h('dialog', { class: 'dlg', 'aria-label': text }, f);
    f.addEventListener('submit', (e) => {
      if (e.submitter && e.submitter.value === 'no') return;
      const v = f.reason.value.trim();
      if ([...v].length < min) { e.preventDefault(); showFieldError(f, 'reason', t('reason_short', { n: min })); }
    });
    d.addEventListener('close', () => { d.remove(); ok(d.returnValue === 'yes' ? f.reason.value.trim() : null); });
    document.body.append(d);
    d.showModal();
  });
}

// copyButton copies text to the clipboard.
export function copyButton(text, label = t('copy')) {
  const b = h('button', { type: 'button', class: 'sec small', onclick: async () => {
    try { await navigator.clipboard.writeText(text); b.textContent = t('copied'); } catch { b.textContent = t('copy_failed'); }
    setTimeout(() => { b.textContent = label; }, 2000);
  } }, label);
  return b;
}

// table builds a table from column definitions [{label, get(row), class}].
export function table(cols, rows, { empty = t('empty'), rowClass } = {}) {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('div', { class: 'tbl-wrap' }, h('table', null,
    h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
    h('tbody', null, rows.map((r) => h('tr', { class: rowClass && rowClass(r) }, cols.map((c) => h('td', { class: c.class }, c.get(r))))))));
}

// pager shows "next page" for a connection; onNext(endCursor) loads it.
export function pager(conn, onNext, onFirst) {
  const pi = conn.pageInfo || {};
  return h('div', { class: 'pager' },
    h('span', { class: 'muted' }, t('total', { n: conn.totalCount ?? '' })),
    onFirst && h('button', { type: 'button', class: 'sec small', onclick: onFirst }, t('first_page')),
    pi.hasNextPage && h('button', { type: 'button', class: 'sec small', onclick: () => onNext(pi.endCursor) }, t('next_page')));
}

export const badge = (s, cls = s) => h('span', { class: 'badge b-' + cls }, s);
export const when = (s) => (s ? dateTime(s) : '–');
export const loading = () => h('p', { class: 'muted', role: 'status' }, t('loading'));

// section renders a screen's body asynchronously: a loading line, then
// what load() returns, or the error.
export function later(load) {
  const box = h('div', null, loading());
  load().then((nodes) => fill(box, nodes), (e) => fill(box, errorBox(e)));
  return box;
}

// draft keeps a form's values in sessionStorage as they are typed (key per
// form), so a reload, a sign-in dialog or an expired session loses nothing.
export function draft(form, key) {
  const k = 'konsol.draft.' + key;
  let saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(k) || '{}'); } catch { saved = {}; }
  for (const el of form.querySelectorAll('input[name],textarea[name],select[name]')) {
    if (!(el.name in saved)) continue;
    if (el.type === 'checkbox') el.checked = !!saved[el.name]; else el.value = saved[el.name];
  }
  const save = () => {
    const v = {};
    for (const el of form.querySelectorAll('input[name],textarea[name],select[name]')) {
      if (el.type !== 'password') v[el.name] = el.type === 'checkbox' ? el.checked : el.value;
    }
    try { sessionStorage.setItem(k, JSON.stringify(v)); } catch { /* storage full or off */ }
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return { save, clear: () => { try { sessionStorage.removeItem(k); } catch { /* off */ } }, had: Object.keys(saved).length > 0 };
}

export { h, fill };
