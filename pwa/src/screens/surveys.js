// Survei Evaluasi: the list with each survey's window, and the form with
// every question kind. Answers always go through the outbox, so a survey
// answered offline is sent once the phone is back online, exactly once.
import { h, fill } from '../lib/h.js';
import { t, lang, date, num, whole } from '../lib/i18n.js';
import { title, view, showErrors, onLeave, badge, loading, updated, errorBox } from '../lib/ui.js';
import { watch } from '../lib/data.js';
import { enqueue, list, onChange } from '../lib/outbox.js';
import { session, has } from '../lib/session.js';
import { SURVEYS, SUBMIT_SURVEY } from '../queries.js';

// tr picks a server text in the app's language (fields like titleID/titleEn
// or labelId/labelEn).
const tr = (o, base) => {
  const id = o[base + 'ID'] ?? o[base + 'Id'];
  return (lang === 'en' ? o[base + 'En'] : id) || id || o[base + 'En'];
};

// queued returns the newest outbox item of each survey.
async function queued() {
  const by = {};
  for (const it of await list()) if (it.kind === 'survey') by[it.meta.surveyId] = it;
  return by;
}

const itemBadge = (it) => badge(it.status, t('ob_' + it.status));

function windowText(s) {
  return t('survey_window', { from: date(s.opensAt), to: date(s.closesAt) });
}

export default function surveys() {
  if (session.caps && !has('mySurveys')) return [title(t('nav_survey')), h('p', null, t('surveys_soon'))];
  const box = h('div');
  const render = () => fill(box, view(SURVEYS, {}, (d) => {
    const out = h('ul', { class: 'list' });
    queued().then((q) => fill(out, d.mySurveys.map((s) => {
      const it = q[s.survey.id];
      return h('li', { 'data-survey': s.survey.code }, h('a', { class: 'row', href: '/survei/' + s.survey.id },
        h('h3', null, tr(s.survey, 'title')),
        h('p', { class: 'meta' }, windowText(s)),
        h('p', null, s.response ? badge('sent', t('sv_answered')) : it ? itemBadge(it) : badge(s.status === 'open' ? 'pending' : s.status, t('sv_' + s.status)))));
    })));
    return d.mySurveys.length ? out : h('p', null, t('no_surveys'));
  }));
  render();
  return [title(t('nav_survey')), h('p', null, t('survey_intro')), box];
}

export function survey({ id }) {
  const box = h('div', null, loading());
  let st = null;
  const draw = async () => {
    const s = st.data.mySurveys.find((x) => x.survey.id === id);
    if (!s) return fill(box, title(t('not_found')), h('p', null, t('not_found_text')));
    const head = [title(tr(s.survey, 'title')), h('p', { class: 'meta' }, windowText(s))];
    const it = (await queued())[id];
    if (it && it.status !== 'refused') return fill(box, head, itemCard(it), updated(st));
    if (s.response) return fill(box, head, h('div', { class: 'card box-ok' }, h('p', { class: 'ok' }, t('sv_answered'))), updated(st));
    if (s.status !== 'open') return fill(box, head, it ? itemCard(it) : null, h('p', { class: 'card' }, t('sv_' + s.status)), updated(st));
    fill(box, head, it ? itemCard(it) : null, form(s, it, draw), updated(st));
  };
  onLeave(watch(SURVEYS, {}, (x) => {
    if (!x.data) return x.error && !st && fill(box, errorBox(x.error));
    st = x;
    // Never redraw a form being filled in.
    if (!box.querySelector('form.survey')) draw();
    else box.querySelector('.updated')?.replaceWith(updated(st));
  }));
  onLeave(onChange(() => { if (st && !box.querySelector('form.survey')) draw(); }));
  return [box];
}

function itemCard(it) {
  const cls = it.status === 'sent' ? 'box-ok' : it.status === 'refused' ? 'box-err' : 'box-warn';
  return h('div', { class: 'card ' + cls, 'data-item': it.id, 'data-status': it.status },
    h('p', null, t('your_answers'), ': ', itemBadge(it)),
    h('p', null, t('ob_help_' + it.status)),
    it.reason && it.status === 'refused' && h('p', { class: 'err' }, t('reason'), ': ', it.reason),
    it.status !== 'sent' && h('p', null, h('a', { href: '/kotak-keluar' }, t('nav_outbox'))));
}

function form(s, refused, queuedCb) {
  const prev = {};
  if (refused) for (const a of JSON.parse(refused.body).variables.input.answers) prev[a.questionId] = a;
  const qs = [...s.survey.questions].sort((a, b) => a.position - b.position);
  const f = h('form', { class: 'survey', novalidate: true },
    qs.map((q) => question(q, prev[q.id])),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('send_answers'))),
    h('p', { class: 'meta' }, t('survey_offline_note')));
  if (refused && refused.fields) showErrors(f, refused.fields, 'answers.');
  f.onsubmit = async (e) => {
    e.preventDefault();
    const answers = [];
    const errs = {};
    for (const q of qs) {
      const a = { questionId: q.id };
      const els = [...f.querySelectorAll(`[name="${q.key}"]`)];
      if (q.kind === 'number') {
        const v = els[0].value.trim(); // 1.500.000 (id) or 1,500,000 (en)
        if (v !== '') {
          const n = whole(v);
          if (!Number.isInteger(n)) errs[q.key] = t('whole_number');
          else if ((q.min != null && n < q.min) || (q.max != null && n > q.max)) errs[q.key] = t('between', { min: num(q.min), max: num(q.max) });
          a.number = n;
        }
      } else if (q.kind === 'text') {
        const v = els[0].value.trim();
        if (v) a.text = v;
      } else {
        const c = els.filter((el) => el.checked).map((el) => el.value);
        if (c.length) a.choices = c;
      }
      const empty = a.number == null && a.text == null && a.choices == null;
      if (empty && q.required) errs[q.key] ||= t('required');
      if (!empty) answers.push(a);
    }
    if (Object.keys(errs).length) return showErrors(f, errs);
    const surveyId = s.survey.id;
    await enqueue({
      stream: 'survey', kind: 'survey', label: tr(s.survey, 'title'), query: SUBMIT_SURVEY, account: session.me.id,
      meta: { surveyId },
      variables: (clientId) => ({ input: { clientId, surveyId, answers, answeredAt: new Date().toISOString() } }),
    });
    f.remove();
    queuedCb(); // the item's card takes the form's place
  };
  return f;
}

function question(q, prev) {
  const legend = [tr(q, 'prompt'), q.required ? '' : ' ' + t('optional')];
  if (q.kind === 'number' || q.kind === 'text') {
    const id = 'sq-' + q.key;
    const bounds = q.kind === 'number' && q.min != null && q.max != null;
    return h('div', { class: 'fld', 'data-name': q.key },
      h('label', { for: id }, legend),
      bounds && h('p', { id: id + 'h', class: 'meta' }, t('between', { min: num(q.min), max: num(q.max) })),
      q.kind === 'number'
        ? h('input', { id, name: q.key, type: 'text', inputmode: 'numeric', pattern: '[0-9]*', value: prev && prev.number != null ? prev.number : '', 'aria-describedby': (bounds ? id + 'h ' : '') + id + 'e' })
        : h('textarea', { id, name: q.key, maxlength: 1000, 'aria-describedby': id + 'e' }, (prev && prev.text) || ''),
      h('p', { id: id + 'e', class: 'err', role: 'alert', hidden: true }));
  }
  const multi = q.kind === 'multiple';
  const chosen = (prev && prev.choices) || [];
  return h('fieldset', { class: 'fld', 'data-name': q.key },
    h('legend', null, legend, multi ? h('span', { class: 'meta' }, ' ' + t('choose_any')) : null),
    (q.options || []).map((o) => h('label', { class: 'opt' },
      h('input', { type: multi ? 'checkbox' : 'radio', name: q.key, value: o.value, checked: chosen.includes(o.value) }),
      h('span', null, tr(o, 'label')))),
    h('p', { class: 'err', role: 'alert', hidden: true }));
}
