// Waves: the list, the form that creates one with its 34 province quotas,
// and a wave's page (open, close, run the selection, phases, results,
// publication and the command that verifies it).
import { h, fill, title, field, table, pager, badge, when, later, errorBox, formErrors, showFieldError,
  clearErrors, confirmDialog, copyButton, draft, loading } from '../lib/ui.js';
import { t, num, rp, whole } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { shareChart } from '../lib/chart.js';
import { WAVES, PROVINCES, SUGGEST, CREATE_WAVE, WAVE_PAGE, WAVE_PHASES, WAVE_SELECTION, OPEN_WAVE, CLOSE_WAVE,
  RUN_SELECTION } from '../queries.js';

const status = (s) => badge(t('ws_' + s), s);

export function waves() {
  const box = h('div');
  const load = (after) => {
    fill(box, loading());
    gql(WAVES, { after }).then((d) => fill(box,
      table([
        { label: t('wave_number'), get: (w) => h('a', { href: '/konsol/waves/' + w.id }, t('wave_n', { n: w.number })) },
        { label: t('wave_name'), get: (w) => w.name },
        { label: t('status'), get: (w) => status(w.status) },
        { label: t('opens_at'), get: (w) => when(w.opensAt) },
        { label: t('closes_at'), get: (w) => when(w.closesAt) },
        { label: t('wave_size'), get: (w) => num(w.quota), class: 'num' },
        { label: t('applicants'), get: (w) => num(w.applications.totalCount), class: 'num' },
      ], nodes(d.waves)),
      pager(d.waves, load, after && (() => load()))), (e) => fill(box, errorBox(e)));
  };
  load();
  return [title(t('sec_waves')), h('p', { class: 'actions' }, h('a', { class: 'btn', href: '/konsol/waves/baru' }, t('wave_new'))), box];
}

// wibISO reads a datetime-local value as Jakarta time.
const wibISO = (v) => (v ? v + ':00+07:00' : '');

// newWave is the creation form. Every value is kept as typed (sessionStorage)
// and checked here before sending (whole numbers, not negative); the server
// checks again and its errors land next to the field or province they name.
export async function newWave() {
  let provinces;
  try {
    provinces = nodes((await gql(PROVINCES)).provinces);
  } catch (e) {
    return [title(t('wave_new')), errorBox(e)];
  }
  const applicants = {};
  const sumOut = h('output', { class: 'sum', 'aria-live': 'polite' });
  const chartBox = h('div', { class: 'chart-box' });
  const rows = provinces.map((p) => {
    const input = h('input', { name: 'q_' + p.code, 'data-field': 'q_' + p.code, inputmode: 'numeric', class: 'qty',
      'aria-label': t('quota_for', { province: p.name }), autocomplete: 'off' });
    const err = h('span', { class: 'err', 'data-error-for': 'q_' + p.code, hidden: true });
    const app = h('td', { class: 'num', 'data-applicants': p.code }, '–');
    return { p, input, app, tr: h('tr', { 'data-province': p.code }, h('td', null, p.code), h('th', { scope: 'row' }, p.name), app, h('td', { class: 'num' }, input, err)) };
  });
  const f = h('form', { novalidate: true, class: 'wave-form' },
    h('div', { class: 'grid2' },
      field({ label: t('wave_number'), name: 'number', inputmode: 'numeric', autocomplete: 'off' }),
      field({ label: t('wave_name'), name: 'name', autocomplete: 'off' }),
      field({ label: t('opens_at') + ' (WIB)', name: 'opensAt', type: 'datetime-local' }),
      field({ label: t('closes_at') + ' (WIB)', name: 'closesAt', type: 'datetime-local' }),
      field({ label: t('wave_size'), name: 'quota', inputmode: 'numeric', hint: t('wave_size_hint'), autocomplete: 'off' }),
      field({ label: t('training_balance'), name: 'trainingBalance', inputmode: 'numeric', hint: t('training_balance_hint'), autocomplete: 'off' })),
    h('h2', null, t('province_quotas')),
    h('p', { class: 'actions' }, h('button', { type: 'button', class: 'sec', 'data-suggest': '', onclick: suggest }, t('suggest_quotas')),
      h('button', { type: 'button', class: 'sec', onclick: () => { rows.forEach((r) => { r.input.value = ''; }); update(); } }, t('clear_quotas'))),
    h('p', { class: 'err', 'data-error-for': 'provinceQuotas', hidden: true, role: 'alert' }),
    h('div', { class: 'tbl-wrap' }, h('table', { class: 'quotas' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('code_col')), h('th', { scope: 'col' }, t('province')),
        h('th', { scope: 'col', class: 'num' }, t('applicants_waiting')), h('th', { scope: 'col', class: 'num' }, t('quota')))),
      h('tbody', null, rows.map((r) => r.tr)),
      h('tfoot', null, h('tr', null, h('th', { scope: 'row', colspan: 3 }, t('quota_total')), h('td', { class: 'num' }, sumOut))))),
    chartBox,
    h('div', { class: 'summary' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('wave_create'))));
  const d = draft(f, 'wave-new');
  const el = (n) => f.elements.namedItem(n);

  // read returns the typed number of a field or cell, or an error message.
  const read = (v, { optional = false } = {}) => {
    const s = String(v).trim();
    if (!s) return optional ? { n: null } : { err: t('required') };
    const n = whole(s);
    if (Number.isNaN(n)) return { err: t('not_whole') };
    if (n < 0) return { err: t('not_negative') };
    if (n > 2147483647) return { err: t('too_large') };
    return { n };
  };

  function update() {
    let sum = 0;
    let bad = false;
    for (const r of rows) {
      const v = r.input.value.trim();
      if (!v) continue;
      const x = read(v);
      if (x.err) bad = true; else sum += x.n;
    }
    const size = read(el('quota').value);
    const ok = !bad && size.n !== undefined && sum === size.n;
    sumOut.textContent = t('quota_sum', { sum: num(sum), size: size.n !== undefined ? num(size.n) : '?' });
    sumOut.className = 'sum ' + (ok ? 'ok' : 'off');
    const known = rows.filter((r) => applicants[r.p.code] !== undefined);
    if (known.length) {
      fill(chartBox, h('h3', null, t('chart_title')), shareChart(rows.map((r) => ({ label: r.p.name, a: read(r.input.value).n || 0, b: applicants[r.p.code] || 0 })),
        [t('quota'), t('applicants_waiting')], t('chart_title')));
    }
  }
  f.addEventListener('input', update);

  async function suggest() {
    clearErrors(f);
    const size = read(el('quota').value);
    if (size.err) { showFieldError(f, 'quota', size.err); el('quota').focus(); return; }
    const btn = f.querySelector('[data-suggest]');
    btn.disabled = true;
    try {
      const s = await gql(SUGGEST, { size: size.n });
      for (const q of s.suggestWaveQuotas) {
        const r = rows.find((x) => x.p.code === q.provinceCode);
        if (!r) continue;
        r.input.value = String(q.quota);
        applicants[q.provinceCode] = q.applicants;
        r.app.textContent = num(q.applicants);
      }
      d.save();
      update();
    } catch (e) {
      fill(f.querySelector('.summary'), errorBox(e));
    } finally {
      btn.disabled = false;
    }
  }

  f.onsubmit = async (e) => {
    e.preventDefault();
    clearErrors(f);
    const summary = f.querySelector('.summary');
    fill(summary);
    const problems = [];
    const num1 = (name, opts) => {
      const x = read(el(name).value, opts);
      if (x.err) { showFieldError(f, name, x.err); problems.push(h('li', null, t('field_' + name) + ': ' + x.err)); }
      return x.n;
    };
    const number = num1('number');
    const quota = num1('quota');
    const balance = num1('trainingBalance', { optional: true });
    for (const name of ['name', 'opensAt', 'closesAt']) {
      if (!el(name).value.trim()) { showFieldError(f, name, t('required')); problems.push(h('li', null, t('field_' + name) + ': ' + t('required'))); }
    }
    const provinceQuotas = [];
    for (const r of rows) {
      const x = read(r.input.value);
      if (x.err) {
        showFieldError(f, 'q_' + r.p.code, x.err);
        r.tr.classList.add('cell-err');
        problems.push(h('li', null, r.p.name + ': ' + x.err));
      } else {
        provinceQuotas.push({ provinceCode: r.p.code, quota: x.n });
      }
    }
    if (problems.length) {
      fill(summary, h('div', { class: 'box-err', role: 'alert' }, h('p', null, t('form_problems')), h('ul', null, problems)));
      return;
    }
    const input = { number, name: el('name').value.trim(), opensAt: wibISO(el('opensAt').value), closesAt: wibISO(el('closesAt').value), quota, provinceQuotas };
    if (balance !== null) input.trainingBalance = balance;
    const btn = f.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      const res = await gql(CREATE_WAVE, { input });
      d.clear();
      navigate('/waves/' + res.createWave.id);
    } catch (ex) {
      fill(summary, formErrors(f, ex, (k, v) => placeCell(k, v, provinceQuotas)));
      summary.scrollIntoView({ block: 'nearest' });
    } finally {
      btn.disabled = false;
    }
  };

  // placeCell shows an error naming one province's quota in its row
  // (provinceQuotas.3.quota: the fourth row sent) and one on the whole
  // table above it.
  function placeCell(k, v, sent) {
    const key = k.replace(/^input\./, '');
    if (!key.startsWith('provinceQuotas')) return showFieldError(f, key.split('.')[0], v) || false;
    // the server names the row by its index in the list sent
    const m = key.match(/^provinceQuotas[.[](\d+)/);
    const code = m && sent[Number(m[1])] && sent[Number(m[1])].provinceCode;
    const r = code && rows.find((x) => x.p.code === code);
    if (r) { r.tr.classList.add('cell-err'); showFieldError(f, 'q_' + code, v); return true; }
    showFieldError(f, 'provinceQuotas', v);
    return true;
  }

  update();
  return [title(t('wave_new')), d.had ? h('p', { class: 'note' }, t('draft_restored')) : null, f];
}

export async function wave({ id }) {
  const box = h('div', null, loading());
  const show = async () => {
    let w;
    try {
      w = (await gql(WAVE_PAGE, { id })).node;
    } catch (e) {
      return fill(box, errorBox(e));
    }
    if (!w) return fill(box, title(t('not_found')));
    fill(box, title(w.name.includes(String(w.number)) ? w.name : t('wave_n', { n: w.number }) + ' · ' + w.name),
      h('p', null, status(w.status)),
      h('dl', { class: 'kv' },
        kv(t('opens_at'), when(w.opensAt)), kv(t('closes_at'), when(w.closesAt)),
        kv(t('wave_size'), num(w.quota)), kv(t('applicants'), num(w.applications.totalCount)),
        kv(t('training_balance'), rp(w.trainingBalance)), kv(t('results_expected'), when(w.resultsExpectedAt)),
        kv(t('commitment'), w.commitment ? h('code', { class: 'wrap' }, w.commitment) : '–')),
      actions(w, show),
      h('h2', null, t('phases')), later(() => phases(id)),
      (w.selectedAt || w.status === 'announced' || w.status === 'selecting') && [h('h2', null, t('results')), later(() => results(w, id))],
      h('h2', null, t('province_quotas')), later(() => quotaChart(w)));
  };
  show();
  return [box];
}

const kv = (k, v) => [h('dt', null, k), h('dd', null, v)];

function actions(w, reload) {
  const out = h('div', { class: 'actions' });
  const act = (label, question, doc) => h('button', { type: 'button', onclick: async (e) => {
    if (!(await confirmDialog(question, label))) return;
    e.target.disabled = true;
    try {
      await gql(doc, { id: w.id });
      await reload();
    } catch (ex) {
      e.target.disabled = false;
      out.append(errorBox(ex));
    }
  } }, label);
  if (w.status === 'draft') out.append(act(t('wave_open'), t('wave_open_q', { n: w.number }), OPEN_WAVE));
  if (w.status === 'open') out.append(act(t('wave_close'), t('wave_close_q', { n: w.number }), CLOSE_WAVE));
  if (w.status === 'closed') out.append(act(t('wave_select'), t('wave_select_q', { n: w.number }), RUN_SELECTION));
  return out;
}

async function phases(id) {
  const w = (await gql(WAVE_PHASES, { id })).node;
  const list = h('ol', { class: 'timeline' }, (w.phases || []).map((p) => h('li', { 'data-phase': p.name },
    h('strong', null, p.label), ' ', h('span', { class: 'muted' }, when(p.at)),
    p.durationMs != null && h('span', { class: 'muted' }, ' · ' + t('took_ms', { ms: num(p.durationMs) })),
    p.rows != null && h('span', { class: 'muted' }, ' · ' + t('rows_n', { n: num(p.rows) })))));
  return [list, w.verifyCommand && verify(w.verifyCommand)];
}

function verify(cmd) {
  return h('div', { class: 'card' }, h('h3', null, t('verify_title')), h('p', null, t('verify_text')),
    h('pre', { class: 'cmd', 'data-verify': '' }, cmd), copyButton(cmd));
}

async function results(w, id) {
  const s = (await gql(WAVE_SELECTION, { id })).waveSelection;
  const link = (href, label) => href && h('li', null, h('a', { href, target: '_blank', rel: 'noopener' }, label));
  return [h('dl', { class: 'kv' },
    kv(t('applicants'), num(s.applicants)), kv(t('selected'), num(s.selected)), kv(t('excluded'), num(s.excluded)),
    kv(t('commitment'), h('code', { class: 'wrap' }, s.commitment)), kv(t('seed'), s.seed ? h('code', { class: 'wrap' }, s.seed) : '–')),
  h('h3', null, t('publication')),
  h('ul', { class: 'links' }, link(s.applicantsUrl, t('pub_applicants')), link(s.resultsUrl, t('pub_results')),
    link(`/publication/waves/${w.number}/selection.json`, t('pub_selection')))];
}

// quotaChart compares the wave's seats per province with the applicants
// waiting there now (as shares of their totals).
async function quotaChart(w) {
  const quotas = (w.quotas || []).slice().sort((a, b) => a.province.code.localeCompare(b.province.code));
  if (!quotas.length) return h('p', { class: 'muted' }, t('empty'));
  let waiting = {};
  try {
    const s = await gql(SUGGEST, { size: Math.max(w.quota, 1) });
    waiting = Object.fromEntries(s.suggestWaveQuotas.map((q) => [q.provinceCode, q.applicants]));
  } catch { /* the chart shows seats alone */ }
  return [shareChart(quotas.map((q) => ({ label: q.province.name, a: q.quota, b: waiting[q.province.code] || 0 })),
    [t('quota'), t('applicants_waiting')], t('chart_title')),
  h('details', null, h('summary', null, t('as_table')), table([{ label: t('province'), get: (q) => q.province.name }, { label: t('quota'), get: (q) => num(q.quota), class: 'num' },
    { label: t('applicants_waiting'), get: (q) => (waiting[q.province.code] != null ? num(waiting[q.province.code]) : '–'), class: 'num' }], quotas))];
}
