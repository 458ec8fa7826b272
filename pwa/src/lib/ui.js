// Building blocks of the screens: headings, form fields with labels and
// error messages, status badges, data views with their "last updated" line.
import { h, fill, uid } from './h.js';
import { t, ago } from './i18n.js';
import { watch } from './data.js';
import { session } from './session.js';

// The current screen's cleanups (stopped when the route changes).
export const cleanups = [];
export const onLeave = (f) => cleanups.push(f);

export function title(text) {
  document.title = text + ' · Kartu Prakerja';
  return h('h1', { tabindex: '-1' }, text);
}

export function field({ label, name, type = 'text', value, hint, error, ...rest }) {
  const id = uid();
  const hintId = hint ? id + 'h' : null;
  const errId = id + 'e';
  const input = type === 'textarea'
    ? h('textarea', { id, name, 'aria-describedby': [hintId, errId].filter(Boolean).join(' '), ...rest }, value || '')
    : h('input', { id, name, type, value: value ?? '', 'aria-describedby': [hintId, errId].filter(Boolean).join(' '), ...rest });
  return h('div', { class: 'fld', 'data-name': name },
    h('label', { for: id }, label),
    hint && h('p', { id: hintId, class: 'meta' }, hint),
    input,
    h('p', { id: errId, class: 'err', role: 'alert', hidden: !error }, error || ''));
}

export function select({ label, name, options, value, placeholder, ...rest }) {
  const id = uid();
  return h('div', { class: 'fld', 'data-name': name },
    h('label', { for: id }, label),
    h('select', { id, name, 'aria-describedby': id + 'e', ...rest },
      placeholder && h('option', { value: '' }, placeholder),
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))),
    h('p', { id: id + 'e', class: 'err', role: 'alert', hidden: true }));
}

// choices renders radio buttons (or checkboxes) in a fieldset.
export function choices({ legend, name, options, value, multiple, required }) {
  const vals = Array.isArray(value) ? value : value == null ? [] : [String(value)];
  const id = uid();
  return h('fieldset', { class: 'fld', 'data-name': name, 'aria-describedby': id + 'e' },
    h('legend', null, legend),
    options.map(([v, text]) => h('label', { class: 'opt' },
      h('input', { type: multiple ? 'checkbox' : 'radio', name, value: v, checked: vals.includes(String(v)), required: required && !multiple }),
      h('span', null, text))),
    h('p', { id: id + 'e', class: 'err', role: 'alert', hidden: true }));
}

export function check(label, name, checked) {
  return h('label', { class: 'opt' }, h('input', { type: 'checkbox', name, checked }), h('span', null, label));
}

// showErrors puts per-field messages (BAD_USER_INPUT extensions.fields)
// under their fields; returns messages that matched no field.
export function showErrors(form, fields, prefix = '') {
  form.querySelectorAll('.fld > .err').forEach((p) => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const rest = [];
  let first = null;
  for (const [path, msg] of Object.entries(fields || {})) {
    const name = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    const box = form.querySelector(`.fld[data-name="${CSS.escape(name)}"]`);
    if (!box) { rest.push(msg); continue; }
    const p = box.querySelector('.err');
    p.textContent = msg;
    p.hidden = false;
    const input = box.querySelector('input,select,textarea');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first ||= input;
    }
  }
  if (first) first.focus();
  return rest;
}

export const badge = (status, text) => h('span', { class: 'badge b-' + status }, text || t('st_' + status));

export function errorBox(e, retry) {
  const msg = !e ? '' : e.code === 'NETWORK' ? t('offline_unseen') : e.message;
  return h('div', { class: 'card box-err', role: 'alert' },
    h('p', null, msg),
    retry && h('div', { class: 'actions' }, h('button', { type: 'button', onclick: retry }, t('retry'))));
}

export const loading = () => h('p', { class: 'muted', role: 'status' }, t('loading'));

// updated says when the shown data came from the server, and whether this
// is a stored copy because the phone is offline.
export function updated(st) {
  if (!st || !st.at) return null;
  const off = st.error && st.error.code === 'NETWORK';
  return h('p', { class: 'updated', 'data-updated': st.at },
    t('last_updated', { when: ago(st.at) }), off ? ' · ' + t('offline_copy') : st.cached && !st.error ? ' · ' + t('refreshing') : '');
}

// view renders a query's data with render(data, state) and keeps it fresh:
// the stored copy first, then the server's; the same data is not rendered
// twice (a form being filled in is not reset by a refresh).
export function view(q, vars, render, { box = h('div'), empty } = {}) {
  fill(box, loading());
  let shown = '';
  const maxAge = session.me && session.me.dataSaver ? 30 * 60e3 : 0;
  const stop = watch(q, vars, (st) => {
    if (st.data) {
      const key = JSON.stringify(st.data);
      if (key === shown) {
        const old = box.querySelector(':scope > .updated');
        const u = updated(st);
        if (old && u) old.replaceWith(u);
        return;
      }
      shown = key;
      try {
        fill(box, render(st.data, st), updated(st));
      } catch (e) {
        fill(box, errorBox({ code: 'CLIENT', message: t('render_failed') }));
        console.error(e); // eslint-disable-line no-console
      }
    } else if (st.error) {
      fill(box, errorBox(st.error, () => view(q, vars, render, { box, empty })));
    }
  }, { maxAge });
  onLeave(stop);
  return box;
}

export const edges = (conn) => ((conn && conn.edges) || []).map((e) => e.node).filter(Boolean);
